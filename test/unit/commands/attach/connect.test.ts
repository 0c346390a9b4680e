import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests } from '../../helpers/harness.js';
import { HOST_ID, HOST_NQN } from '../../host/fake-host-facts.js';
import { fakeHost, fileMode, IQN, ISCSI_DATA, ISCSI_DEVICE, NVME_DEVICE, NVMEOF_DATA, RBD_DATA, RBD_DEVICE, VOLUME_ID } from './fake-host.js';

const NODE = ['iscsiadm', '-m', 'node', '-T', IQN, '-p', '192.0.2.10:3260'];
const SHOWN_NODE = `iscsiadm -m node -T ${IQN} -p 192.0.2.10:3260`;

/** The [device] section connect appends to a cache file. */
function deviceSection(path: string, connectedAt: string, extra = 'attached = false\n'): string {
  return `\n[device]\npath = ${path}\npaths[] = ${path}\nconnected_at = ${connectedAt}\n${extra}`;
}

describe('connect', () => {
  const mock = mockCinderPerTest();
  const cinder = recordedRequests(mock);

  it('iscsi with CHAP: the exact iscsiadm argv (password as one secret argument), waits for the device, records it', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA);
    const initialized = readFileSync(file, 'utf8');
    // udev creates the by-path link a little after the login: two looks miss it.
    host.probe.appearsAfter(ISCSI_DEVICE, 2);
    const result = await host.run(['connect', 'vol1', '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(host.runner.calls).toEqual([
      [...NODE, '--interface', 'default', '--op', 'new'],
      [...NODE, '--op', 'update', '-n', 'node.session.auth.authmethod', '-v', 'CHAP'],
      [...NODE, '--op', 'update', '-n', 'node.session.auth.username', '-v', 'chapuser'],
      [...NODE, '--op', 'update', '-n', 'node.session.auth.password', '-v', { secret: "s3cr;et $(reboot) 'x'", variable: 'UCINDER_CHAP_PASSWORD' }],
      [...NODE, '--login'],
      [...NODE, '--op', 'update', '-n', 'node.startup', '-v', 'automatic'],
    ]);
    expect(host.runner.options.map((options) => options.okExitCodes)).toEqual([undefined, undefined, undefined, undefined, [0, 15], undefined]);
    expect(host.sleeps).toEqual([250, 250]);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      id: VOLUME_ID,
      name: 'vol1',
      driver_volume_type: 'iscsi',
      device: ISCSI_DEVICE,
      paths: [ISCSI_DEVICE],
      state: 'connected',
      connected_at: '2030-01-02T03:04:05.500Z',
    });
    expect(readFileSync(file, 'utf8')).toBe(initialized + deviceSection(ISCSI_DEVICE, '2030-01-02T03:04:05.500Z'));
    expect(fileMode(file)).toBe(0o600);
  });

  it('the device never appears: a clear error naming the device and what to check; nothing recorded', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA);
    const initialized = readFileSync(file, 'utf8');
    const result = await host.run(['connect', 'vol1', '--device-timeout', '1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `ucinder: logged in to ${IQN} at 192.0.2.10:3260 but ${ISCSI_DEVICE} did not appear within 1 s: ` +
        'check that LUN 1 is exported to this initiator (iscsiadm -m session -P 3) and that udev is running\n',
    );
    expect(host.sleeps).toEqual([250, 250, 250, 250]);
    expect(host.runner.shown().at(-1)).toBe(`${SHOWN_NODE} --op update -n node.startup -v automatic`);
    expect(readFileSync(file, 'utf8')).toBe(initialized);
  });

  it('rbd: rbd map with the cephx user and every monitor, then /dev/rbd/<pool>/<image>', async () => {
    const host = fakeHost();
    const file = await host.seed('rbd', RBD_DATA);
    // Not mapped before (the first look), there once rbd map returns.
    host.probe.appearsAfter(RBD_DEVICE, 1);
    const result = await host.run(['connect', 'vol1', '-f', 'value', '-c', 'device', '-c', 'state'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${RBD_DEVICE}\nconnected\n`);
    expect(host.runner.calls).toEqual([['rbd', 'map', `volume-${VOLUME_ID}`, '--pool', 'volumes', '--id', 'cinder', '--mon_host', '192.0.2.20:6789,192.0.2.21:6789']]);
    expect(readFileSync(file, 'utf8')).toContain(deviceSection(RBD_DEVICE, '2030-01-02T03:04:05.000Z'));
  });

  it("nvmeof: nvme connect with this host's NQN and host id, then the namespace's device", async () => {
    const host = fakeHost();
    const file = await host.seed('nvmeof', NVMEOF_DATA);
    host.probe.namespaces.set(NVMEOF_DATA.target_nqn, NVME_DEVICE);
    const result = await host.run(['connect', 'vol1', '-f', 'value', '-c', 'device'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${NVME_DEVICE}\n`);
    expect(host.runner.calls).toEqual([['nvme', 'connect', '-t', 'tcp', '-a', '192.0.2.30', '-s', '4420', '-n', 'nqn.2016-06.io.spdk:cnode7', '-q', HOST_NQN, '-I', HOST_ID]]);
    expect(readFileSync(file, 'utf8')).toContain(deviceSection(NVME_DEVICE, '2030-01-02T03:04:05.000Z'));
  });

  it('--dry-run prints shell lines that run as they are (no table), the password as "$UCINDER_CHAP_PASSWORD", set only under --show-secrets', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA);
    const initialized = readFileSync(file, 'utf8');
    const plan = [
      `${SHOWN_NODE} --interface default --op new`,
      `${SHOWN_NODE} --op update -n node.session.auth.authmethod -v CHAP`,
      `${SHOWN_NODE} --op update -n node.session.auth.username -v chapuser`,
      `${SHOWN_NODE} --op update -n node.session.auth.password -v "$UCINDER_CHAP_PASSWORD"`,
      `${SHOWN_NODE} --login`,
      `${SHOWN_NODE} --op update -n node.startup -v automatic`,
    ];
    const masked = await host.run(['connect', 'vol1', '--dry-run'], mock.agent);
    expect(masked).toEqual({
      code: 0,
      stdout: `${plan.join('\n')}\n`,
      stderr: 'Set UCINDER_CHAP_PASSWORD before running these (--show-secrets prints the line that sets it)\n',
    });
    const shown = await host.run(['connect', 'vol1', '--dry-run', '--show-secrets'], mock.agent);
    expect(shown).toEqual({ code: 0, stdout: [`UCINDER_CHAP_PASSWORD='s3cr;et $(reboot) '\\''x'\\'''`, ...plan, ''].join('\n'), stderr: '' });
    expect(host.runner.calls).toEqual([]);
    expect(host.sleeps).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(initialized);
  });

  it('offers no option that means nothing for it: --raw, -f shell, --prefix', async () => {
    const host = fakeHost();
    for (const argv of [['--raw'], ['-f', 'shell'], ['--prefix', 'x']]) {
      const result = await host.run(['connect', 'vol1', ...argv], mock.agent);
      expect(result.code).toBe(2);
    }
  });

  it('--attach tells Cinder (os-reserve, os-attach with host and mountpoint) and records the attachment', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA);
    host.probe.present.add(ISCSI_DEVICE);
    interceptVersions(mock.pool);
    cinder.record('POST', `/volumes/${VOLUME_ID}/action`, 202, '');
    cinder.record('POST', `/volumes/${VOLUME_ID}/action`, 202, '');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOLUME_ID}`, method: 'GET' }).reply(200, {
      volume: { id: VOLUME_ID, name: 'vol1', status: 'in-use', size: 1, attachments: [{ attachment_id: 'att-9', host_name: 'node7', device: ISCSI_DEVICE, server_id: null }] },
    });
    const result = await host.run(['connect', 'vol1', '--attach', '-f', 'value', '-c', 'state'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: 'attached\n', stderr: '' });
    expect(cinder.calls).toStrictEqual([
      { method: 'POST', path: `/volumes/${VOLUME_ID}/action`, body: { 'os-reserve': {} } },
      { method: 'POST', path: `/volumes/${VOLUME_ID}/action`, body: { 'os-attach': { mode: 'rw', host_name: 'node7', mountpoint: ISCSI_DEVICE } } },
    ]);
    expect(readFileSync(file, 'utf8')).toContain(deviceSection(ISCSI_DEVICE, '2030-01-02T03:04:05.000Z', 'attached = true\nattachment_id = att-9\n'));
  });

  it('--attach on an attachments-API connection completes the attachment (3.44+)', async () => {
    const host = fakeHost();
    const file = await host.seed('rbd', RBD_DATA, {
      connection: { driver_volume_type: 'rbd', initialized_at: '2030-01-01T00:00:00.000Z', api: 'attachments', attachment_id: 'att-1' },
    });
    host.probe.appearsAfter(RBD_DEVICE, 1);
    interceptVersions(mock.pool);
    cinder.record('POST', '/attachments/att-1/action', 204, '');
    const result = await host.run(['connect', 'vol1', '--attach', '-f', 'value', '-c', 'state'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: 'attached\n', stderr: '' });
    expect(cinder.calls).toStrictEqual([{ method: 'POST', path: '/attachments/att-1/action', body: { 'os-complete': null } }]);
    expect(readFileSync(file, 'utf8')).toContain(deviceSection(RBD_DEVICE, '2030-01-02T03:04:05.000Z', 'attached = true\nattachment_id = att-1\n'));
  });

  it('a volume already connected here: says so and runs nothing', async () => {
    const host = fakeHost();
    const device = { path: RBD_DEVICE, paths: [RBD_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: false };
    await host.seed('rbd', RBD_DATA, { device });
    host.probe.present.add(RBD_DEVICE);
    const result = await host.run(['connect', 'vol1', '-f', 'value', '-c', 'connected_at'], mock.agent);
    expect(result).toEqual({
      code: 0,
      stdout: '2030-01-01T00:00:01.000Z\n',
      stderr: `ucinder: warning: volume 'vol1' is already connected at ${RBD_DEVICE}\n`,
    });
    expect(host.runner.calls).toEqual([]);
  });

  it('a volume never initialized here: says to run init-connect first', async () => {
    const host = fakeHost();
    const result = await host.run(['connect', 'vol9'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: no connection info cached for volume 'vol9'; run `ucinder init-connect vol9` first\n" });
  });
});
