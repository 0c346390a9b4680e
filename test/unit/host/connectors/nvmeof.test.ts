import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../../src/host/connector.js';
import { NvmeofConnector } from '../../../../src/host/connectors/nvmeof.js';
import { FakeProbe, RecordingRunner, fakeContext } from '../recording-runner.js';

const connector = { host: 'h', nqn: 'nqn.2014-08.org.nvmexpress:uuid:host', multipath: false } as unknown as Connector;

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
      {
        target_nqn: 'nqn.x',
        vol_uuid: 'u-1',
        portals: [
          ['10.0.0.1', '4420', 'tcp'],
          ['10.0.0.2', '4420', 'RoCEv2'],
        ],
      },
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

  it('onHost: the namespace of the subsystem, by uuid or namespace id', async () => {
    const nvme = new NvmeofConnector();
    const probe = new FakeProbe();
    probe.subsystems.push({
      nqn: 'nqn.shared',
      namespaces: [
        { device: '/dev/nvme1n1', nsId: 1, uuid: 'u-1' },
        { device: '/dev/nvme1n2', nsId: 2, uuid: 'u-2' },
      ],
    });
    expect(await nvme.onHost({ target_nqn: 'nqn.shared', vol_uuid: 'u-2', portals: [] }, connector, probe)).toEqual({
      device: '/dev/nvme1n2',
      paths: ['/dev/nvme1n2'],
      expected: 1,
    });
    expect(await nvme.onHost({ nqn: 'nqn.shared', ns_id: 1, target_portal: '192.0.2.30', target_port: '4420' }, connector, probe)).toEqual({
      device: '/dev/nvme1n1',
      paths: ['/dev/nvme1n1'],
      expected: 1,
    });
    expect(await nvme.onHost({ target_nqn: 'nqn.other', vol_uuid: 'u-2', portals: [] }, connector, probe)).toEqual({ paths: [], expected: 1 });
  });
});
