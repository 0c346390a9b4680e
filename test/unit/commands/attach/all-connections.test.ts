import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mockCinderPerTest } from '../../helpers/harness.js';
import { IDENTITY, ISCSI_DATA, ISCSI_DEVICE, NVME_DEVICE, NVMEOF_DATA, RBD_DATA, RBD_DEVICE, fakeHost, type FakeHost } from './fake-host.js';

const CONNECTED_AT = '2030-01-01T00:00:01.000Z';

function connectedAt(path: string, extra: { attached?: boolean; attachment_id?: string } = {}) {
  return { device: { path, paths: [path], connected_at: CONNECTED_AT, attached: false, ...extra } };
}

const volume = (id: string, name: string) => ({ volume: { id, name, ...IDENTITY } });

/**
 * Four entries, in the cache's order (file names): vol-a connected and
 * attached (Cinder told) but gone after a reboot, vol-b connected and there,
 * vol-c only initialized, vol-d connected, gone, and its target refusing.
 */
async function rebootedHost(answers = [{ when: /^nvme connect/, exitCode: 1, stderr: 'Failed to write to /dev/nvme-fabrics: Connection refused' }]): Promise<FakeHost> {
  const host = fakeHost({ answers });
  await host.seed('iscsi', ISCSI_DATA, { ...volume('a1', 'vol-a'), ...connectedAt(ISCSI_DEVICE, { attached: true, attachment_id: 'att-a' }) });
  await host.seed('rbd', RBD_DATA, { ...volume('b2', 'vol-b'), ...connectedAt(RBD_DEVICE) });
  await host.seed('nvmeof', NVMEOF_DATA, volume('c3', 'vol-c'));
  await host.seed('nvmeof', { ...NVMEOF_DATA, target_nqn: 'nqn.2016-06.io.spdk:cnode9' }, { ...volume('d4', 'vol-d'), ...connectedAt(NVME_DEVICE) });
  host.probe.present.add(RBD_DEVICE);
  return host;
}

describe('connect --all (boot)', () => {
  const mock = mockCinderPerTest();

  it("re-attaches what was connected, in the cache's order, one row each; one failure never blocks the others (exit 1); Cinder is not asked", async () => {
    const host = await rebootedHost();
    // udev makes the by-path link once the login is done (the first look, before it, misses).
    host.probe.appearsAfter(ISCSI_DEVICE, 1);
    const result = await host.run(['connect', '--all', '-f', 'json'], mock.agent);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      { Name: 'vol-a', ID: 'a1', Protocol: 'iscsi', Device: ISCSI_DEVICE, Result: 'connected' },
      { Name: 'vol-b', ID: 'b2', Protocol: 'rbd', Device: RBD_DEVICE, Result: 'already connected' },
      { Name: 'vol-c', ID: 'c3', Protocol: 'nvmeof', Device: '', Result: 'skipped: not connected before (init-connect only)' },
      {
        Name: 'vol-d',
        ID: 'd4',
        Protocol: 'nvmeof',
        Device: NVME_DEVICE,
        Result:
          'failed: nvme connect -t tcp -a 192.0.2.30 -s 4420 -n nqn.2016-06.io.spdk:cnode9 -q nqn.2014-08.org.nvmexpress:uuid:1234 -I 0b5e2c3d-1111-4222-8333-444455556666 failed with exit code 1: Failed to write to /dev/nvme-fabrics: Connection refused',
      },
    ]);
    expect(result.stderr).toBe(
      "ucinder: warning: volume 'vol-d': nvme connect -t tcp -a 192.0.2.30 -s 4420 -n nqn.2016-06.io.spdk:cnode9 -q nqn.2014-08.org.nvmexpress:uuid:1234 -I 0b5e2c3d-1111-4222-8333-444455556666 failed with exit code 1: Failed to write to /dev/nvme-fabrics: Connection refused\n" +
        'ucinder: 1 of 4 connections failed to connect\n',
    );
    expect(host.runner.shown().map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      'iscsiadm -m',
      'iscsiadm -m',
      'iscsiadm -m',
      'iscsiadm -m',
      'iscsiadm -m',
      'iscsiadm -m',
      'nvme connect',
    ]);
    // Coming back after a reboot keeps what Cinder was told: it still has vol-a in-use here.
    const file = readFileSync(host.cacheFile('vol-a'), 'utf8');
    expect(file).toContain('attached = true\nattachment_id = att-a\n');
    expect(file).toContain('connected_at = 2030-01-02T03:04:05.000Z');
  });

  it('--dry-run --all prints every command it would run, and runs none', async () => {
    const host = await rebootedHost([]);
    const result = await host.run(['connect', '--all', '--dry-run', '-f', 'value'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('rbd ') || line.startsWith('nvme ') || line.endsWith('--login'))).toEqual([
      `iscsiadm -m node -T ${ISCSI_DATA.target_iqn} -p 192.0.2.10:3260 --login`,
      `rbd map volume-7a1f0c3e-0000-4000-8000-000000000007 --pool volumes --id cinder --mon_host 192.0.2.20:6789,192.0.2.21:6789`,
      'nvme connect -t tcp -a 192.0.2.30 -s 4420 -n nqn.2016-06.io.spdk:cnode9 -q nqn.2014-08.org.nvmexpress:uuid:1234 -I 0b5e2c3d-1111-4222-8333-444455556666',
    ]);
    expect(host.runner.calls).toEqual([]);
  });

  it('an empty cache (a fresh install with the unit enabled): one line says so, exit 0', async () => {
    const host = fakeHost();
    for (const verb of ['connect', 'disconnect']) {
      const result = await host.run([verb, '--all'], mock.agent);
      expect(result).toEqual({ code: 0, stdout: '', stderr: `no cached connections in ${host.stateDir}/connections\n` });
    }
    expect(host.runner.calls).toEqual([]);
  });

  it('bad input is refused before anything runs (exit 2)', async () => {
    const host = await rebootedHost();
    for (const [argv, message] of [
      [['connect', 'vol-a', '--all'], 'give either a volume or --all, not both'],
      [['connect', '-n', 'vol-a', '--all'], 'give either a volume or --all, not both'],
      [['connect', '--all', '--attach'], '--all reconnects what was connected and keeps what Cinder was told; --attach goes with one volume'],
      [['disconnect', 'vol-a', '--all'], 'give one of: a volume, --device DEVICE or --all'],
      [['disconnect', '--device', ISCSI_DEVICE, '--all'], 'give one of: a volume, --device DEVICE or --all'],
      [['disconnect', 'vol-a', '--device', ISCSI_DEVICE], 'give one of: a volume, --device DEVICE or --all'],
      [['disconnect', '--device', ''], '--device needs a device path, e.g. /dev/sdb'],
    ] as const) {
      expect(await host.run([...argv], mock.agent), argv.join(' ')).toEqual({ code: 2, stdout: '', stderr: `ucinder: ${message}\n` });
    }
    expect(host.runner.calls).toEqual([]);
  });
});

describe('disconnect --all (shutdown)', () => {
  const mock = mockCinderPerTest();

  it('takes every connected entry off the host, keeps it marked stopped for connect --all, and never tells Cinder', async () => {
    const host = await rebootedHost([]);
    host.probe.present.add(ISCSI_DEVICE);
    const result = await host.run(['disconnect', '--all', '-f', 'value'], mock.agent);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `vol-a a1 iscsi ${ISCSI_DEVICE} disconnected`,
        `vol-b b2 rbd ${RBD_DEVICE} disconnected`,
        'vol-c c3 nvmeof  skipped: not connected',
        `vol-d d4 nvmeof ${NVME_DEVICE} disconnected`,
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(host.runner.shown()).toEqual([
      `blockdev --flushbufs ${ISCSI_DEVICE}`,
      `iscsiadm -m node -T ${ISCSI_DATA.target_iqn} -p 192.0.2.10:3260 --op update -n node.startup -v manual`,
      `iscsiadm -m node -T ${ISCSI_DATA.target_iqn} -p 192.0.2.10:3260 --logout`,
      `iscsiadm -m node -T ${ISCSI_DATA.target_iqn} -p 192.0.2.10:3260 --op delete`,
      `blockdev --flushbufs ${RBD_DEVICE}`,
      `rbd unmap ${RBD_DEVICE}`,
      'nvme disconnect -n nqn.2016-06.io.spdk:cnode9',
    ]);
    const file = readFileSync(host.cacheFile('vol-a'), 'utf8');
    expect(file).toContain(`[device]\npath = ${ISCSI_DEVICE}\n`);
    expect(file).toContain('attached = true\nattachment_id = att-a\nstopped_at = 2030-01-02T03:04:05.000Z\n');
    const listed = await host.run(['connection', 'list', '-f', 'value', '-c', 'Name', '-c', 'State'], mock.agent);
    expect(listed.stdout).toBe('vol-a stopped\nvol-b stopped\nvol-c initialized\nvol-d stopped\n');

    // The next boot brings them back (vol-d came back by itself), and the marks go.
    host.probe.present.clear();
    // Looked for before the login and, for RBD, once more before the map.
    host.probe.appearsAfter(ISCSI_DEVICE, 1).appearsAfter(RBD_DEVICE, 2);
    host.probe.namespaces.set('nqn.2016-06.io.spdk:cnode9', NVME_DEVICE);
    const booted = await host.run(['connect', '--all', '-f', 'value', '-c', 'Result'], mock.agent);
    expect(booted).toEqual({ code: 0, stdout: 'connected\nconnected\nskipped: not connected before (init-connect only)\nalready connected\n', stderr: '' });
    const relisted = await host.run(['connection', 'list', '-f', 'value', '-c', 'Name', '-c', 'State'], mock.agent);
    expect(relisted.stdout).toBe('vol-a attached\nvol-b connected\nvol-c initialized\nvol-d connected\n');
  });
});
