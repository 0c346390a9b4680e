import { describe, expect, it } from 'vitest';
import type { Confirmer } from '../../../../src/output/confirm.js';
import { BASE_PATH, interceptVersions, type MockCinder, mockCinderPerTest, run } from '../../helpers/harness.js';
import { RecordingRunner } from '../../host/recording-runner.js';

const DOWN = { binary: 'cinder-volume', host: 'node2@lvm', zone: 'nova', status: 'enabled', state: 'down', updated_at: '2024-05-01T09:00:00.000000' };
const REMOVED = { stdout: 'Service cinder-volume on host node2@lvm removed.\n' };

function scriptedConfirm(interactive: boolean, answer: boolean): Confirmer & { questions: string[] } {
  const questions: string[] = [];
  return { interactive, questions, ask: async (question) => (questions.push(question), answer) };
}

function remove(argv: string[], mock: MockCinder, runner: RecordingRunner, confirm: Confirmer, env: Record<string, string> = {}) {
  return run(['volume', 'service', 'remove', ...argv], mock.agent, { env, runner, confirm });
}

function interceptService(mock: MockCinder, services: object[]) {
  interceptVersions(mock.pool);
  mock.pool.intercept({ path: `${BASE_PATH}/os-services?host=node2%40lvm&binary=cinder-volume`, method: 'GET' }).reply(200, { services });
}

describe('volume service remove', () => {
  const mock = mockCinderPerTest();

  it('without a terminal and without --yes: usage error, no request, nothing run', async () => {
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['cinder-volume', 'node2@lvm'], mock, runner, scriptedConfirm(false, true));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ucinder: refusing to remove a service without confirmation: stdin is not a terminal; pass --yes\n');
    expect(runner.calls).toEqual([]);
  });

  it('asks on a terminal, then runs cinder-manage locally and shows its result', async () => {
    interceptService(mock, [DOWN]);
    const runner = new RecordingRunner([REMOVED]);
    const confirm = scriptedConfirm(true, true);
    const result = await remove(['cinder-volume', 'node2@lvm', '-f', 'json'], mock, runner, confirm);
    expect(result.code, result.stderr).toBe(0);
    expect(confirm.questions).toEqual(["Remove the cinder-volume service on node2@lvm from Cinder's database (cinder-manage on this host)?"]);
    expect(runner.calls).toEqual([['cinder-manage', 'service', 'remove', 'cinder-volume', 'node2@lvm']]);
    expect(JSON.parse(result.stdout)).toEqual({
      binary: 'cinder-volume',
      host: 'node2@lvm',
      runner: 'local',
      command: 'cinder-manage service remove cinder-volume node2@lvm',
      result: 'Service cinder-volume on host node2@lvm removed.',
    });
    expect(result.stderr).toBe('');
  });

  it('a "no" answer runs nothing and fails', async () => {
    interceptService(mock, [DOWN]);
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['cinder-volume', 'node2@lvm'], mock, runner, scriptedConfirm(true, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: not removed: not confirmed\n');
    expect(runner.calls).toEqual([]);
  });

  it('warns when the service is still up (it would come back), then removes with --yes', async () => {
    interceptService(mock, [{ ...DOWN, state: 'up', updated_at: '2024-05-01T10:00:00.000000' }]);
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['--yes', 'cinder-volume', 'node2@lvm', '-f', 'value', '-c', 'result'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'ucinder: warning: the cinder-volume service on node2@lvm is up (last heartbeat 2024-05-01T10:00:00.000000): a running service re-creates its row at its next heartbeat; stop it first\n',
    );
    expect(result.stdout).toBe('Service cinder-volume on host node2@lvm removed.\n');
  });

  it('a service the API does not list fails before cinder-manage runs', async () => {
    // The API's host filter also matches node2@lvm's pools: only an exact binary+host match counts.
    interceptService(mock, [{ ...DOWN, host: 'node2@lvm2' }]);
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['--yes', 'cinder-volume', 'node2@lvm'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cinder lists no cinder-volume service on host 'node2@lvm'");
    expect(runner.calls).toEqual([]);
  });

  it('--no-api-check skips the API; "Host not found" from cinder-manage (exit 0) becomes exit 1', async () => {
    const runner = new RecordingRunner([{ stdout: 'Host not found. Failed to remove cinder-volume on node2@lvm.\nService cinder-volume could not be found on host node2@lvm.\n' }]);
    const result = await remove(['--no-api-check', '--yes', 'cinder-volume', 'node2@lvm'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ucinder: cinder-manage found no cinder-volume service on host 'node2@lvm': Host not found\./);
  });

  it('ssh runner and configured command from the environment, quoted for the remote shell', async () => {
    interceptService(mock, [DOWN]);
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['--yes', 'cinder-volume', 'node2@lvm'], mock, runner, scriptedConfirm(false, false), {
      UCINDER_MANAGE_RUNNER: 'ssh:root@10.90.3.21',
      UCINDER_MANAGE_COMMAND: 'cinder-manage --config-file "/etc/kolla/cinder api/cinder.conf"',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(runner.calls).toEqual([
      ['ssh', '-o', 'BatchMode=yes', '--', 'root@10.90.3.21', "cinder-manage --config-file '/etc/kolla/cinder api/cinder.conf' service remove cinder-volume node2@lvm"],
    ]);
  });

  it('--runner docker:<container> wins over the environment; --dry-run runs nothing and needs no confirmation', async () => {
    interceptService(mock, [DOWN]);
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(
      ['--runner', 'docker:cinder_api', '--dry-run', 'cinder-volume', 'node2@lvm', '-f', 'value', '-c', 'command'],
      mock,
      runner,
      scriptedConfirm(false, false),
      {
        UCINDER_MANAGE_RUNNER: 'ssh:ctl1',
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('docker exec cinder_api cinder-manage service remove cinder-volume node2@lvm\n');
    expect(runner.calls).toEqual([]);
  });

  it('a bad --runner or --manage-command is a usage error before any request', async () => {
    const runner = new RecordingRunner([REMOVED]);
    const badRunner = await remove(['--yes', '--runner', 'kubectl:pod', 'cinder-volume', 'node2@lvm'], mock, runner, scriptedConfirm(false, false));
    expect(badRunner.code).toBe(2);
    expect(badRunner.stderr).toContain("invalid cinder-manage runner 'kubectl:pod'");
    const badCommand = await remove(['--yes', '--manage-command', 'cinder-manage "oops', 'cinder-volume', 'node2@lvm'], mock, runner, scriptedConfirm(false, false));
    expect(badCommand.code).toBe(2);
    expect(badCommand.stderr).toContain('unterminated double quote');
    expect(runner.calls).toEqual([]);
  });
});
