import { describe, expect, it } from 'vitest';
import type { Confirmer } from '../../../../src/output/confirm.js';
import { BASE_PATH, interceptVersions, type MockCinder, mockCinderPerTest, run } from '../../helpers/harness.js';
import { RecordingRunner } from '../../host/recording-runner.js';

const DOWN = { name: 'cl@be', binary: 'cinder-volume', state: 'down', status: 'enabled', num_hosts: 2, num_down_hosts: 2 };
const REMOVED = { stdout: 'Cluster cl@be successfully removed. And 2 services from the cluster were also removed.\n' };
/** Zed: the rows are gone, then cinder-manage crashes while printing. */
const ZED_CRASH = {
  exitCode: 1,
  // As Zed's cinder-manage logs it on stderr (abridged), colour code included.
  stderr: [
    "2026-11-28 18:43:12.348 19269 CRITICAL cinder [None req-9e3d4688 - - - - - -] Unhandled error: AttributeError: 'NoneType' object has no attribute 'items'",
    '2026-11-28 18:43:12.348 19269 ERROR cinder Traceback (most recent call last):',
    '2026-11-28 18:43:12.348 19269 ERROR cinder   File "/usr/lib/python3/dist-packages/cinder/objects/cluster.py", line 152, in destroy',
    "2026-11-28 18:43:12.348 19269 ERROR cinder AttributeError: 'NoneType' object has no attribute 'items'",
    '2026-11-28 18:43:12.348 19269 ERROR cinder \x1b[00m',
    '',
  ].join('\n'),
};

function scriptedConfirm(interactive: boolean, answer: boolean): Confirmer & { questions: string[] } {
  const questions: string[] = [];
  return { interactive, questions, ask: async (question) => (questions.push(question), answer) };
}

function remove(argv: string[], mock: MockCinder, runner: RecordingRunner, confirm: Confirmer, env: Record<string, string> = {}) {
  return run(['block', 'storage', 'cluster', 'remove', ...argv], mock.agent, { env, runner, confirm });
}

function interceptCluster(mock: MockCinder, reply: { status: number; body: object }, binary = 'cinder-volume') {
  mock.pool.intercept({ path: `${BASE_PATH}/clusters/cl%40be?binary=${binary}`, method: 'GET' }).reply(reply.status, reply.body);
}

const GONE = { status: 404, body: { itemNotFound: { code: 404, message: 'Cluster could not be found.' } } };

describe('cluster remove', () => {
  const mock = mockCinderPerTest();

  it('without a terminal and without --yes: usage error, no request, nothing run', async () => {
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['cl@be'], mock, runner, scriptedConfirm(false, true));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ucinder: refusing to remove a cluster without confirmation: stdin is not a terminal; pass --yes\n');
    expect(runner.calls).toEqual([]);
  });

  it('asks on a terminal, checks the cluster is down, runs cinder-manage cluster remove --recursive and shows its result', async () => {
    interceptVersions(mock.pool);
    interceptCluster(mock, { status: 200, body: { cluster: DOWN } });
    const runner = new RecordingRunner([REMOVED]);
    const confirm = scriptedConfirm(true, true);
    const result = await remove(['--recursive', 'cl@be', '-f', 'json'], mock, runner, confirm);
    expect(result.code, result.stderr).toBe(0);
    expect(confirm.questions).toEqual(["Remove the cinder-volume cluster cl@be and its services from Cinder's database (cinder-manage on this host)?"]);
    expect(runner.calls).toEqual([['cinder-manage', 'cluster', 'remove', '--recursive', 'cinder-volume', 'cl@be']]);
    expect(JSON.parse(result.stdout)).toEqual({
      binary: 'cinder-volume',
      cluster: 'cl@be',
      runner: 'local',
      command: 'cinder-manage cluster remove --recursive cinder-volume cl@be',
      result: 'Cluster cl@be successfully removed. And 2 services from the cluster were also removed.',
    });
  });

  it('refuses a cluster with a service up, before cinder-manage runs', async () => {
    interceptVersions(mock.pool);
    interceptCluster(mock, { status: 200, body: { cluster: { ...DOWN, state: 'up', num_down_hosts: 1 } } });
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['--yes', '--recursive', 'cl@be'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "ucinder: cluster 'cl@be' still has 1 service up: a running service re-creates its rows at its next heartbeat; stop it first (see 'ucinder volume service list')\n",
    );
    expect(runner.calls).toEqual([]);
  });

  it('an unknown cluster fails before cinder-manage runs', async () => {
    interceptVersions(mock.pool);
    interceptCluster(mock, GONE, 'cinder-backup');
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['--yes', '--binary', 'cinder-backup', 'cl@be'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "ucinder: Cinder lists no cinder-backup cluster 'cl@be' (see 'ucinder block storage cluster list'); use --no-api-check to ask cinder-manage anyway\n",
    );
    expect(runner.calls).toEqual([]);
  });

  it("Zed's crash after removing: the API says the cluster is gone, so it is removed (and says how cinder-manage ended)", async () => {
    interceptVersions(mock.pool);
    interceptCluster(mock, { status: 200, body: { cluster: DOWN } });
    interceptCluster(mock, GONE);
    const runner = new RecordingRunner([ZED_CRASH]);
    const result = await remove(['--yes', '--recursive', 'cl@be', '-f', 'value', '-c', 'result'], mock, runner, scriptedConfirm(false, false));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Cluster cl@be removed: Cinder no longer lists it (cinder-manage exited 1: AttributeError: 'NoneType' object has no attribute 'items')\n");
  });

  it('a crash that left the cluster in place is an error', async () => {
    interceptVersions(mock.pool);
    interceptCluster(mock, { status: 200, body: { cluster: DOWN } });
    interceptCluster(mock, { status: 200, body: { cluster: DOWN } });
    const runner = new RecordingRunner([ZED_CRASH]);
    const result = await remove(['--yes', 'cl@be'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: cluster 'cl@be' was not removed (cinder-manage exited 1: AttributeError: 'NoneType' object has no attribute 'items')\n");
  });

  it.each([
    [
      "Couldn't remove cluster cl@be because it doesn't exist.\n",
      "ucinder: cinder-manage found no cinder-volume cluster 'cl@be': Couldn't remove cluster cl@be because it doesn't exist.\n",
    ],
    [
      "Couldn't remove cluster cl@be because it still has hosts.\n",
      "ucinder: cinder-manage did not remove cluster 'cl@be': it still has services (remove them first, or pass --recursive)\n",
    ],
  ])('--no-api-check: cinder-manage saying %j (exit 2) is exit 1', async (stdout, message) => {
    const runner = new RecordingRunner([{ exitCode: 2, stdout }]);
    const result = await remove(['--no-api-check', '--yes', 'cl@be'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(message);
    expect(runner.calls).toEqual([['cinder-manage', 'cluster', 'remove', 'cinder-volume', 'cl@be']]);
  });

  it('--no-api-check: an unconfirmed removal cannot be verified, so it is an error', async () => {
    const runner = new RecordingRunner([ZED_CRASH]);
    const result = await remove(['--no-api-check', '--yes', 'cl@be'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "ucinder: cinder-manage did not confirm the removal of cluster 'cl@be' (cinder-manage exited 1: AttributeError: 'NoneType' object has no attribute 'items')\n",
    );
  });

  it('ssh runner from the environment; --dry-run through the `cluster` shortcut runs nothing and needs no confirmation', async () => {
    interceptVersions(mock.pool);
    interceptCluster(mock, { status: 200, body: { cluster: DOWN } });
    const runner = new RecordingRunner([REMOVED]);
    const result = await run(['cluster', 'remove', '--dry-run', '--recursive', 'cl@be', '-f', 'value', '-c', 'command'], mock.agent, {
      runner,
      confirm: scriptedConfirm(false, false),
      env: { UCINDER_MANAGE_RUNNER: 'ssh:root@10.90.3.21', UCINDER_MANAGE_COMMAND: 'cinder-manage --config-file "/etc/kolla/cinder api/cinder.conf"' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "ssh -o BatchMode=yes -- root@10.90.3.21 'cinder-manage --config-file '\\''/etc/kolla/cinder api/cinder.conf'\\'' cluster remove --recursive cinder-volume cl@be'\n",
    );
    expect(runner.calls).toEqual([]);
  });

  it('a server older than 3.7 fails before any request when the API check is on', async () => {
    interceptVersions(mock.pool, '3.6');
    const runner = new RecordingRunner([REMOVED]);
    const result = await remove(['--yes', 'cl@be'], mock, runner, scriptedConfirm(false, false));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cluster remove needs Block Storage API microversion 3.7 or later, but this session uses 3.6');
    expect(runner.calls).toEqual([]);
  });
});
