import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest } from '../../helpers/harness.js';
import { fakeHost, IQN, ISCSI_DATA, ISCSI_DEVICE, RBD_DEVICE, VOLUME_ID } from './fake-host.js';

/**
 * disconnect without a cache entry: what the host shows (iscsiadm -m
 * session, rbd showmapped, the NVMe subsystems) names the volume, and that
 * is taken away; and disconnect --device DEVICE.
 */

const NODE = `iscsiadm -m node -T ${IQN} -p 192.0.2.10:3260`;
const SESSION = { when: /^iscsiadm -m session$/, stdout: `tcp: [1] 192.0.2.10:3260,1 ${IQN} (non-flash)\n` };
const NO_SESSIONS = { when: /^iscsiadm -m session$/, exitCode: 21, stderr: 'iscsiadm: No active sessions.' };
const RBD_MAPPED = {
  when: /^rbd showmapped/,
  stdout: JSON.stringify([{ id: '0', pool: 'volumes', namespace: '', name: `volume-${VOLUME_ID}`, snap: '-', device: '/dev/rbd0' }]),
};
const NOTHING_MAPPED = { when: /^rbd showmapped/, stdout: '[]' };

describe("disconnect from the host's view", () => {
  const mock = mockCinderPerTest();

  it('by volume ID with no cache entry: logs out of the iSCSI session named after it; Cinder is not asked', async () => {
    const host = fakeHost({ answers: [SESSION, NOTHING_MAPPED] });
    host.probe.link(ISCSI_DEVICE, '/dev/sdb');
    const result = await host.run(['disconnect', VOLUME_ID], mock.agent);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `Disconnected volume '${VOLUME_ID}' (${ISCSI_DEVICE}); no cache entry had it: found from what the host shows\n`,
    });
    expect(host.runner.shown()).toEqual([
      'iscsiadm -m session',
      'rbd showmapped --format json',
      `blockdev --flushbufs ${ISCSI_DEVICE}`,
      `${NODE} --op update -n node.startup -v manual`,
      `${NODE} --logout`,
      `${NODE} --op delete`,
    ]);
  });

  it('by name with no cache entry: Cinder gives the id, then the RBD map is taken away', async () => {
    const host = fakeHost({ answers: [NO_SESSIONS, RBD_MAPPED] });
    host.probe.link(RBD_DEVICE, '/dev/rbd0');
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/vol9`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'Volume vol9 could not be found.' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=vol9`, method: 'GET' }).reply(200, { volumes: [{ id: VOLUME_ID, name: 'vol9', status: 'available', size: 1 }] });
    const result = await host.run(['disconnect', 'vol9'], mock.agent);
    expect(result.stderr).toBe(`Disconnected volume 'vol9' (${RBD_DEVICE}); no cache entry had it: found from what the host shows\n`);
    expect(result.code).toBe(0);
    expect(host.runner.shown().slice(2)).toEqual([`blockdev --flushbufs ${RBD_DEVICE}`, `rbd unmap ${RBD_DEVICE}`]);
  });

  it('--dry-run looks at the host for real and prints what it would run', async () => {
    const host = fakeHost({ answers: [NO_SESSIONS, RBD_MAPPED] });
    host.probe.link(RBD_DEVICE, '/dev/rbd0');
    const result = await host.run(['disconnect', VOLUME_ID, '--dry-run', '-f', 'value'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: `blockdev --flushbufs ${RBD_DEVICE}\nrbd unmap ${RBD_DEVICE}\n`, stderr: '' });
    expect(host.runner.shown()).toEqual(['iscsiadm -m session', 'rbd showmapped --format json']);
  });

  it('--device: the cache entry that recorded it (by the device behind the link), as a plain disconnect', async () => {
    const host = fakeHost();
    await host.seed('iscsi', ISCSI_DATA, { device: { path: ISCSI_DEVICE, paths: [ISCSI_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: false } });
    host.probe.link(ISCSI_DEVICE, '/dev/sdb');
    const result = await host.run(['disconnect', '--device', '/dev/sdb'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `Disconnected volume 'vol1' (${ISCSI_DEVICE})\n` });
    expect(host.runner.shown()).toEqual([`blockdev --flushbufs ${ISCSI_DEVICE}`, `${NODE} --op update -n node.startup -v manual`, `${NODE} --logout`, `${NODE} --op delete`]);
    expect(readFileSync(host.cacheFile(), 'utf8')).not.toContain('[device]');
  });

  it('--device with no cache entry: the session holding it', async () => {
    const host = fakeHost({ answers: [SESSION, NOTHING_MAPPED] });
    host.probe.link(ISCSI_DEVICE, '/dev/sdb');
    const result = await host.run(['disconnect', '--device', '/dev/sdb'], mock.agent);
    expect(result.stderr).toBe(`Disconnected volume ${VOLUME_ID} (${IQN}) (${ISCSI_DEVICE}); no cache entry had it: found from what the host shows\n`);
    expect(host.runner.shown().at(-2)).toBe(`${NODE} --logout`);
  });

  it('nothing cached and nothing on the host: says so (exit 1), whether by ID or by device', async () => {
    const host = fakeHost({ answers: [NO_SESSIONS, NOTHING_MAPPED] });
    expect(await host.run(['disconnect', VOLUME_ID], mock.agent)).toEqual({
      code: 1,
      stdout: '',
      stderr: `ucinder: nothing to disconnect: no connection info cached for volume '${VOLUME_ID}', and no iSCSI session, RBD map or NVMe subsystem of volume ${VOLUME_ID} on this host\n`,
    });
    expect(await host.run(['disconnect', '--device', '/dev/sdz'], mock.agent)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ucinder: nothing ucinder knows is attached at /dev/sdz: no cache entry records it, and no iSCSI session, RBD map or NVMe subsystem of a Cinder volume holds it\n',
    });
  });

  it('a namespace of a shared NVMe subsystem is not disconnected: that would take the others too', async () => {
    const host = fakeHost({ answers: [NO_SESSIONS, NOTHING_MAPPED] });
    host.probe.subsystems.push({
      nqn: 'nqn.nvme-subsystem-1-node7',
      namespaces: [
        { device: '/dev/nvme1n1', nsId: 1, uuid: VOLUME_ID },
        { device: '/dev/nvme1n2', nsId: 2, uuid: 'other' },
      ],
    });
    const result = await host.run(['disconnect', VOLUME_ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'ucinder: the NVMe subsystem nqn.nvme-subsystem-1-node7 also holds 1 other namespace(s): disconnecting it would take them away too; disconnect it with nvme-cli when none is in use\n',
    );
    expect(host.runner.shown()).toEqual(['iscsiadm -m session', 'rbd showmapped --format json']);
  });
});
