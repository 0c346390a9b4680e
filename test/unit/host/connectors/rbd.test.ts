import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../../src/host/connector.js';
import { RbdConnector } from '../../../../src/host/connectors/rbd.js';
import { FakeProbe, RecordingRunner, fakeContext } from '../recording-runner.js';

const rbdData = { name: 'volumes/volume-1', hosts: ['10.0.0.1', 'fd00::5'], ports: ['6789', '3300'], auth_username: 'cinder', keyring: null };
const connector = { host: 'h', nqn: 'nqn.2014-08.org.nvmexpress:uuid:host', multipath: false } as unknown as Connector;

describe('RBD connector', () => {
  it('maps with --id and --mon_host (IPv6 in brackets) and waits for /dev/rbd/<pool>/<image>', async () => {
    const runner = new RecordingRunner();
    const probe = new FakeProbe();
    let polls = 0;
    probe.exists = async (path) => path === '/dev/rbd/volumes/volume-1' && ++polls > 2;
    const { context } = fakeContext(runner, probe);
    const outcome = await new RbdConnector().attach(rbdData, connector, context);
    expect(outcome.device).toBe('/dev/rbd/volumes/volume-1');
    expect(runner.calls).toEqual([['rbd', 'map', 'volume-1', '--pool', 'volumes', '--id', 'cinder', '--mon_host', '10.0.0.1:6789,[fd00::5]:3300']]);
  });

  it('does not map twice when the image is already mapped', async () => {
    const runner = new RecordingRunner();
    const { context, warnings } = fakeContext(runner, new FakeProbe(new Set(['/dev/rbd/volumes/volume-1'])));
    await new RbdConnector().attach(rbdData, connector, context);
    expect(runner.calls).toEqual([]);
    expect(warnings[0]).toContain('already mapped');
  });

  it('unmaps after a flush, and is a no-op when nothing is mapped', async () => {
    const runner = new RecordingRunner();
    const probe = new FakeProbe(new Set(['/dev/rbd/volumes/volume-1']));
    const { context } = fakeContext(runner, probe);
    await new RbdConnector().detach(rbdData, connector, '/dev/rbd/volumes/volume-1', context);
    expect(runner.shown()).toEqual(['blockdev --flushbufs /dev/rbd/volumes/volume-1', 'rbd unmap /dev/rbd/volumes/volume-1']);
    probe.present.clear();
    await new RbdConnector().detach(rbdData, connector, '/dev/rbd/volumes/volume-1', context);
    expect(runner.calls).toHaveLength(2);
  });

  it('rejects a malformed image name', async () => {
    const { context } = fakeContext(new RecordingRunner(), new FakeProbe());
    await expect(new RbdConnector().attach({ name: 'noslash' }, connector, context)).rejects.toThrow("unexpected name 'noslash'");
  });

  it('onHost: the udev link /dev/rbd/<pool>/<image>, or nothing', async () => {
    const rbd = new RbdConnector();
    expect(await rbd.onHost(rbdData, connector, new FakeProbe())).toEqual({ paths: [], expected: 1 });
    const link = '/dev/rbd/volumes/volume-1';
    expect(await rbd.onHost(rbdData, connector, new FakeProbe(new Set([link])))).toEqual({ device: link, paths: [link], expected: 1 });
  });
});
