import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, recordedRequests } from '../../helpers/harness.js';
import { fakeHost, fileMode, IQN, ISCSI_DATA, ISCSI_DEVICE, NVME_DEVICE, NVMEOF_DATA, RBD_DATA, RBD_DEVICE, VOLUME_ID } from './fake-host.js';

const NODE = ['iscsiadm', '-m', 'node', '-T', IQN, '-p', '192.0.2.10:3260'];

function connectedAt(path: string, extra: { attached?: boolean; attachment_id?: string } = {}) {
  return { device: { path, paths: [path], connected_at: '2030-01-01T00:00:01.000Z', attached: false, ...extra } };
}

describe('disconnect', () => {
  const mock = mockCinderPerTest();
  const cinder = recordedRequests(mock);

  it('iscsi: flushes the device, logs out and deletes the node record, then forgets the device', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA);
    const initialized = readFileSync(file, 'utf8');
    await host.seed('iscsi', ISCSI_DATA, connectedAt(ISCSI_DEVICE));
    host.probe.present.add(ISCSI_DEVICE);
    const result = await host.run(['disconnect', 'vol1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `Disconnected volume 'vol1' (${ISCSI_DEVICE})\n` });
    expect(host.runner.calls).toEqual([
      ['blockdev', '--flushbufs', ISCSI_DEVICE],
      [...NODE, '--op', 'update', '-n', 'node.startup', '-v', 'manual'],
      [...NODE, '--logout'],
      [...NODE, '--op', 'delete'],
    ]);
    // "Not logged in" / "no such node" (21) count as done: disconnect can be repeated.
    expect(host.runner.options.slice(1).map((options) => options.okExitCodes)).toEqual([
      [0, 21],
      [0, 21],
      [0, 21],
    ]);
    expect(readFileSync(file, 'utf8')).toBe(initialized);
    expect(fileMode(file)).toBe(0o600);
  });

  it('attached (legacy): os-begin_detaching before the host side, os-detach with the attachment id after', async () => {
    const host = fakeHost();
    await host.seed('nvmeof', NVMEOF_DATA, connectedAt(NVME_DEVICE, { attached: true, attachment_id: 'att-9' }));
    host.probe.present.add(NVME_DEVICE);
    interceptVersions(mock.pool);
    cinder.record('POST', `/volumes/${VOLUME_ID}/action`, 202, '');
    cinder.record('POST', `/volumes/${VOLUME_ID}/action`, 202, '');
    const result = await host.run(['disconnect', 'vol1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `Disconnected volume 'vol1' (${NVME_DEVICE})\n` });
    expect(host.runner.calls).toEqual([
      ['blockdev', '--flushbufs', NVME_DEVICE],
      ['nvme', 'disconnect', '-n', 'nqn.2016-06.io.spdk:cnode7'],
    ]);
    expect(cinder.calls.map((call) => call.body)).toStrictEqual([{ 'os-begin_detaching': {} }, { 'os-detach': { attachment_id: 'att-9' } }]);
    expect(readFileSync(host.cacheFile(), 'utf8')).not.toContain('[device]');
  });

  it('a host command that fails rolls the detach back (os-roll_detaching) and keeps the record', async () => {
    const host = fakeHost({ answers: [{ when: /--logout/, exitCode: 8, stderr: 'iscsiadm: connection timed out' }] });
    const file = await host.seed('iscsi', ISCSI_DATA, connectedAt(ISCSI_DEVICE, { attached: true, attachment_id: 'att-9' }));
    const attached = readFileSync(file, 'utf8');
    host.probe.present.add(ISCSI_DEVICE);
    interceptVersions(mock.pool);
    cinder.record('POST', `/volumes/${VOLUME_ID}/action`, 202, '');
    cinder.record('POST', `/volumes/${VOLUME_ID}/action`, 202, '');
    const result = await host.run(['disconnect', 'vol1'], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `ucinder: iscsiadm -m node -T ${IQN} -p 192.0.2.10:3260 --logout failed with exit code 8: iscsiadm: connection timed out\n`,
    });
    expect(cinder.calls.map((call) => call.body)).toStrictEqual([{ 'os-begin_detaching': {} }, { 'os-roll_detaching': {} }]);
    expect(readFileSync(file, 'utf8')).toBe(attached);
  });

  it('--dry-run lists the commands and changes nothing', async () => {
    const host = fakeHost();
    const file = await host.seed('rbd', RBD_DATA, connectedAt(RBD_DEVICE));
    const connected = readFileSync(file, 'utf8');
    const result = await host.run(['disconnect', 'vol1', '--dry-run', '-f', 'value'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: `blockdev --flushbufs ${RBD_DEVICE}\nrbd unmap ${RBD_DEVICE}\n`, stderr: '' });
    expect(host.runner.calls).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(connected);
  });

  it('an rbd device already gone: nothing to run, the record is dropped', async () => {
    const host = fakeHost();
    await host.seed('rbd', RBD_DATA, connectedAt(RBD_DEVICE));
    const result = await host.run(['disconnect', 'vol1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `Disconnected volume 'vol1' (${RBD_DEVICE})\n` });
    expect(host.runner.calls).toEqual([]);
    expect(readFileSync(host.cacheFile(), 'utf8')).not.toContain('[device]');
  });
});
