import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { ManageCommandError, manageArgv, parseManageRunner, removeServiceWithManage, resolveManageInvocation } from '../../../src/host/manage.js';
import { RecordingRunner } from './recording-runner.js';

const LOCAL = { runner: { kind: 'local' as const }, command: ['cinder-manage'] };
const REMOVED = 'Service cinder-volume on host node2@lvm removed.\n';
// Zed's exact words (verified against the test bed's cinder-manage), printed with exit code 0.
const ZED_NOT_FOUND = 'Host not found. Failed to remove cinder-volume on node9@x.\nService cinder-volume could not be found on host node9@x.\n';

describe('parseManageRunner', () => {
  it('accepts local, docker:<container> and ssh:<[user@]host>', () => {
    expect(parseManageRunner('local')).toEqual({ kind: 'local' });
    expect(parseManageRunner('docker:cinder_api')).toEqual({ kind: 'docker', container: 'cinder_api' });
    expect(parseManageRunner('ssh:root@10.90.3.21')).toEqual({ kind: 'ssh', destination: 'root@10.90.3.21' });
  });

  it.each(['', 'remote', 'docker:', 'ssh:', 'ssh:-oProxyCommand=evil', 'docker:--privileged', 'ssh:a b'])('rejects %j', (text) => {
    expect(() => parseManageRunner(text)).toThrowError(UsageError);
  });
});

describe('resolveManageInvocation', () => {
  it('defaults to local cinder-manage', () => {
    expect(resolveManageInvocation({}, {})).toEqual(LOCAL);
  });

  it('takes UCINDER_MANAGE_RUNNER and UCINDER_MANAGE_COMMAND, flags winning', () => {
    const env = { UCINDER_MANAGE_RUNNER: 'docker:cinder_api', UCINDER_MANAGE_COMMAND: 'cinder-manage --config-file /etc/cinder/cinder.conf' };
    expect(resolveManageInvocation({}, env)).toEqual({
      runner: { kind: 'docker', container: 'cinder_api' },
      command: ['cinder-manage', '--config-file', '/etc/cinder/cinder.conf'],
    });
    expect(resolveManageInvocation({ runner: 'ssh:ctl1', manageCommand: '/opt/venv/bin/cinder-manage' }, env)).toEqual({
      runner: { kind: 'ssh', destination: 'ctl1' },
      command: ['/opt/venv/bin/cinder-manage'],
    });
  });
});

describe('manageArgv', () => {
  const command = ['cinder-manage', '--config-file', '/etc/my cinder/cinder.conf'];
  const args = ['service', 'remove', 'cinder-volume', 'node1@mmj'];

  it('local: the command itself', () => {
    expect(manageArgv({ runner: { kind: 'local' }, command }, args)).toEqual([...command, ...args]);
  });

  it('docker: docker exec <container> + argv, no shell anywhere', () => {
    expect(manageArgv({ runner: { kind: 'docker', container: 'cinder_api' }, command }, args)).toEqual([
      'docker',
      'exec',
      'cinder_api',
      'cinder-manage',
      '--config-file',
      '/etc/my cinder/cinder.conf',
      'service',
      'remove',
      'cinder-volume',
      'node1@mmj',
    ]);
  });

  it('ssh: one remote command string, each word quoted for the remote shell', () => {
    expect(manageArgv({ runner: { kind: 'ssh', destination: 'root@ctl1' }, command }, [...args.slice(0, 3), 'x;reboot'])).toEqual([
      'ssh',
      '-o',
      'BatchMode=yes',
      '--',
      'root@ctl1',
      "cinder-manage --config-file '/etc/my cinder/cinder.conf' service remove cinder-volume 'x;reboot'",
    ]);
  });
});

describe('removeServiceWithManage', () => {
  it("runs service remove and returns cinder-manage's words", async () => {
    const runner = new RecordingRunner([{ stdout: REMOVED, stderr: 'some deprecation warning\n' }]);
    const removal = await removeServiceWithManage(runner, LOCAL, 'cinder-volume', 'node2@lvm');
    expect(removal).toEqual({ argv: ['cinder-manage', 'service', 'remove', 'cinder-volume', 'node2@lvm'], output: REMOVED.trim() });
    expect(runner.options[0]).toMatchObject({ okExitCodes: [0, 2] });
    expect(runner.options[0]!.timeoutMs).toBeGreaterThanOrEqual(60_000);
  });

  it('Zed\'s "Host not found" with exit code 0 is an error', async () => {
    const runner = new RecordingRunner([{ stdout: ZED_NOT_FOUND }]);
    const failure = removeServiceWithManage(runner, LOCAL, 'cinder-volume', 'node9@x');
    await expect(failure).rejects.toThrowError(ManageCommandError);
    await expect(failure).rejects.toThrowError(
      "cinder-manage found no cinder-volume service on host 'node9@x': Host not found. Failed to remove cinder-volume on node9@x. Service cinder-volume could not be found on host node9@x.",
    );
  });

  it("newer releases' exit code 2 for a missing service is the same error", async () => {
    const runner = new RecordingRunner([{ exitCode: 2, stdout: ZED_NOT_FOUND }]);
    await expect(removeServiceWithManage(runner, LOCAL, 'cinder-volume', 'node9@x')).rejects.toThrowError('cinder-manage found no cinder-volume service');
  });

  it('output that does not confirm the removal is an error showing that output', async () => {
    const runner = new RecordingRunner([{ exitCode: 2, stdout: "Failed to read configuration file(s): ['/etc/x.conf']\n" }]);
    await expect(removeServiceWithManage(runner, LOCAL, 'cinder-volume', 'n')).rejects.toThrowError(
      "did not confirm the removal (exit code 2): Failed to read configuration file(s): ['/etc/x.conf']",
    );
  });
});
