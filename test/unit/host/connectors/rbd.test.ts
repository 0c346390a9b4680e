import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../../src/host/connector.js';
import { NvmeofConnector } from '../../../../src/host/connectors/nvmeof.js';
import { RbdConnector } from '../../../../src/host/connectors/rbd.js';
import { connectorFor } from '../../../../src/host/connectors/select.js';
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
});

describe('NVMe-oF connector', () => {
  it('connects with v1 data and the host NQN, then finds the namespace', async () => {
    const runner = new RecordingRunner();
    const probe = new FakeProbe(new Set(), new Map(), new Map([['nqn.2016-06.io.spdk:cnode1', '/dev/nvme0n1']]));
    const { context } = fakeContext(runner, probe);
    const outcome = await new NvmeofConnector().attach(
      { target_portal: '10.0.0.9', target_port: 4420, nqn: 'nqn.2016-06.io.spdk:cnode1', transport_type: 'tcp', ns_id: 1 },
      connector,
      context,
    );
    expect(outcome.device).toBe('/dev/nvme0n1');
    expect(runner.shown()).toEqual(['nvme connect -t tcp -a 10.0.0.9 -s 4420 -n nqn.2016-06.io.spdk:cnode1 -q nqn.2014-08.org.nvmexpress:uuid:host']);
  });

  it('connects to every v2 portal and accepts "already connected" (exit 114)', async () => {
    const runner = new RecordingRunner([{ when: /10\.0\.0\.2/, exitCode: 114 }]);
    const probe = new FakeProbe(new Set(), new Map(), new Map([['nqn.x', '/dev/nvme1n3']]));
    const { context } = fakeContext(runner, probe);
    await new NvmeofConnector().attach(
      { target_nqn: 'nqn.x', vol_uuid: 'u-1', portals: [['10.0.0.1', '4420', 'tcp'], ['10.0.0.2', '4420', 'RoCEv2']] },
      connector,
      context,
    );
    expect(runner.shown()).toEqual([
      'nvme connect -t tcp -a 10.0.0.1 -s 4420 -n nqn.x -q nqn.2014-08.org.nvmexpress:uuid:host',
      'nvme connect -t rdma -a 10.0.0.2 -s 4420 -n nqn.x -q nqn.2014-08.org.nvmexpress:uuid:host',
    ]);
  });

  it('disconnects by NQN', async () => {
    const runner = new RecordingRunner();
    const { context } = fakeContext(runner, new FakeProbe());
    await new NvmeofConnector().detach({ target_nqn: 'nqn.x', portals: [['a', '1', 'tcp']] }, connector, undefined, context);
    expect(runner.shown()).toEqual(['nvme disconnect -n nqn.x']);
  });
});

describe('protocol selection', () => {
  it('names the supported types for anything else', () => {
    expect(() => connectorFor('fibre_channel')).toThrow("driver_volume_type 'fibre_channel' is not supported by ucinder on the host (supported: iscsi, rbd, nvmeof)");
  });
});
