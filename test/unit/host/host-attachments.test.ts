import { describe, expect, it } from 'vitest';
import { attachmentAtDevice, listHostAttachments, parseIscsiSessions, parseRbdShowmapped, sameTarget, volumeIdInName } from '../../../src/host/host-attachments.js';
import { HostCommandError, ToolMissingError, type CommandRunner } from '../../../src/host/runner.js';
import { FakeProbe, RecordingRunner } from './recording-runner.js';

const ID1 = '11111111-1111-4111-8111-111111111111';
const ID2 = '22222222-2222-4222-8222-222222222222';
const ID3 = '33333333-3333-4333-8333-333333333333';
const IQN1 = `iqn.2010-10.org.openstack:volume-${ID1}`;
const IQN2 = `iqn.2010-10.org.openstack:volume-${ID2}`;
const link = (portal: string, iqn: string, lun = 1) => `/dev/disk/by-path/ip-${portal}-iscsi-${iqn}-lun-${lun}`;

/** `iscsiadm -m session` as open-iscsi prints it. */
const SESSIONS = [
  `tcp: [1] 192.0.2.10:3260,1 ${IQN1} (non-flash)`,
  `tcp: [2] 192.0.2.10:3260,1 ${IQN2} (non-flash)`,
  `tcp: [3] 192.0.2.11:3260,1 ${IQN2} (non-flash)`,
  'tcp: [4] 192.0.2.12:3260,1 iqn.2001-05.com.vendor:array-7 (non-flash)',
  '',
].join('\n');

function hostWith(answers: { iscsi?: string; rbd?: string }) {
  return new RecordingRunner([
    { when: /^iscsiadm -m session$/, stdout: answers.iscsi ?? '', exitCode: answers.iscsi === undefined ? 21 : 0 },
    { when: /^rbd showmapped/, stdout: answers.rbd ?? '[]' },
  ]);
}

describe('what the host shows of Cinder volumes', () => {
  it("reads the volume id off Cinder's names, never off another name", () => {
    expect(volumeIdInName(IQN1)).toBe(ID1);
    expect(volumeIdInName(`volume-${ID2.toUpperCase()}`)).toBe(ID2);
    expect(volumeIdInName('iqn.2001-05.com.vendor:array-7')).toBeUndefined();
    expect(volumeIdInName('volume-1234')).toBeUndefined();
  });

  it('parses iscsiadm -m session like os-brick (IPv6 portals too); other lines are not sessions', () => {
    expect(parseIscsiSessions(`${SESSIONS}iscsiadm: No active sessions.\n`)).toEqual([
      { portal: '192.0.2.10:3260', iqn: IQN1 },
      { portal: '192.0.2.10:3260', iqn: IQN2 },
      { portal: '192.0.2.11:3260', iqn: IQN2 },
      { portal: '192.0.2.12:3260', iqn: 'iqn.2001-05.com.vendor:array-7' },
    ]);
    expect(parseIscsiSessions(`tcp: [9] [2001:db8::1]:3260,1 ${IQN1} (non-flash)`)).toEqual([{ portal: '[2001:db8::1]:3260', iqn: IQN1 }]);
  });

  it("parses rbd showmapped in both of Ceph's JSON shapes", () => {
    const mapping = { pool: 'volumes', namespace: '', name: `volume-${ID1}`, snap: '-', device: '/dev/rbd0' };
    expect(parseRbdShowmapped(JSON.stringify([{ id: '0', ...mapping }]))).toEqual([{ id: '0', ...mapping }]);
    expect(parseRbdShowmapped(JSON.stringify({ 0: mapping }))).toEqual([mapping]);
    expect(parseRbdShowmapped('')).toEqual([]);
  });

  it('lists iSCSI sessions per target (portals, LUN devices, multipath map), RBD maps and NVMe subsystems named after volumes', async () => {
    const runner = hostWith({
      iscsi: SESSIONS,
      rbd: JSON.stringify([
        { id: '0', pool: 'volumes', namespace: '', name: `volume-${ID3}`, snap: '-', device: '/dev/rbd0' },
        { id: '1', pool: 'volumes', namespace: '', name: `volume-${ID3}`, snap: 'snap1', device: '/dev/rbd1' },
        { id: '2', pool: 'images', namespace: '', name: 'glance-image', snap: '-', device: '/dev/rbd2' },
      ]),
    });
    const probe = new FakeProbe()
      .link(link('192.0.2.10:3260', IQN1), '/dev/sdb')
      .link(link('192.0.2.10:3260', IQN2, 3), '/dev/sdc')
      .link(link('192.0.2.11:3260', IQN2, 3), '/dev/sdd')
      .link(`/dev/rbd/volumes/volume-${ID3}`, '/dev/rbd0');
    probe.holders.set(link('192.0.2.10:3260', IQN2, 3), '/dev/mapper/mpatha');
    const nvmeNamed = `nqn.nvme-subsystem-1-${ID1}`;
    probe.subsystems.push(
      { nqn: nvmeNamed, namespaces: [{ device: '/dev/nvme0n1', nsId: 10 }] },
      {
        nqn: 'nqn.nvme-subsystem-1-node7',
        namespaces: [
          { device: '/dev/nvme1n1', nsId: 1, uuid: ID2 },
          { device: '/dev/nvme1n2', nsId: 2 },
        ],
      },
    );

    const found = await listHostAttachments(runner, probe);
    expect(runner.shown()).toEqual(['iscsiadm -m session', 'rbd showmapped --format json']);
    expect(found).toEqual([
      {
        protocol: 'iscsi',
        volumeId: ID1,
        idFrom: 'name',
        target: IQN1,
        portals: ['192.0.2.10:3260'],
        devices: [link('192.0.2.10:3260', IQN1)],
        device: link('192.0.2.10:3260', IQN1),
        data: { target_iqn: IQN1, target_portal: '192.0.2.10:3260', target_lun: 1, target_portals: ['192.0.2.10:3260'], target_iqns: [IQN1], target_luns: [1] },
      },
      {
        protocol: 'iscsi',
        volumeId: ID2,
        idFrom: 'name',
        target: IQN2,
        portals: ['192.0.2.10:3260', '192.0.2.11:3260'],
        devices: [link('192.0.2.10:3260', IQN2, 3), link('192.0.2.11:3260', IQN2, 3)],
        device: '/dev/mapper/mpatha',
        data: {
          target_iqn: IQN2,
          target_portal: '192.0.2.10:3260',
          target_lun: 3,
          target_portals: ['192.0.2.10:3260', '192.0.2.11:3260'],
          target_iqns: [IQN2, IQN2],
          target_luns: [3, 3],
        },
      },
      {
        protocol: 'rbd',
        volumeId: ID3,
        idFrom: 'name',
        target: `volumes/volume-${ID3}`,
        portals: [],
        devices: ['/dev/rbd0'],
        device: `/dev/rbd/volumes/volume-${ID3}`,
        data: { name: `volumes/volume-${ID3}` },
      },
      {
        protocol: 'nvmeof',
        volumeId: ID1,
        idFrom: 'name',
        target: nvmeNamed,
        portals: [],
        devices: ['/dev/nvme0n1'],
        device: '/dev/nvme0n1',
        data: { target_nqn: nvmeNamed, portals: [] },
      },
      {
        protocol: 'nvmeof',
        volumeId: ID2,
        idFrom: 'namespace',
        target: 'nqn.nvme-subsystem-1-node7',
        portals: [],
        devices: ['/dev/nvme1n1'],
        device: '/dev/nvme1n1',
        data: { target_nqn: 'nqn.nvme-subsystem-1-node7', portals: [], vol_uuid: ID2, ns_id: 1 },
        sharedWith: 1,
      },
    ]);
  });

  it('no sessions (exit 21) and tools that are not installed mean nothing attached; any other failure is an error', async () => {
    expect(await listHostAttachments(hostWith({}), new FakeProbe())).toEqual([]);
    const missing: CommandRunner = {
      run: async (argv) => {
        throw new ToolMissingError(`'${String(argv[0])}' is not installed`, String(argv[0]), undefined, '');
      },
    };
    expect(await listHostAttachments(missing, new FakeProbe())).toEqual([]);
    const broken = new RecordingRunner([{ when: /^iscsiadm/, exitCode: 20, stderr: 'iscsiadm: can not connect to iSCSI daemon' }]);
    await expect(listHostAttachments(broken, new FakeProbe())).rejects.toThrow(HostCommandError);
  });

  it('matches cached connection data to what the host shows', async () => {
    const [iscsi, rbd, named, shared] = await listHostAttachments(
      hostWith({ iscsi: `tcp: [1] 192.0.2.10:3260,1 ${IQN1} (non-flash)`, rbd: JSON.stringify([{ pool: 'volumes', name: `volume-${ID3}`, snap: '-', device: '/dev/rbd0' }]) }),
      Object.assign(new FakeProbe(), {
        subsystems: [
          { nqn: `nqn.nvme-subsystem-1-${ID1}`, namespaces: [{ device: '/dev/nvme0n1', nsId: 10 }] },
          { nqn: 'nqn.shared', namespaces: [{ device: '/dev/nvme1n1', nsId: 1, uuid: ID2 }] },
        ],
      }),
    );
    expect(sameTarget(iscsi!, 'iscsi', { target_iqn: IQN1, target_portal: '192.0.2.10:3260', target_lun: 1 })).toBe(true);
    expect(sameTarget(iscsi!, 'iscsi', { target_iqn: IQN2, target_portal: '192.0.2.10:3260', target_lun: 1 })).toBe(false);
    expect(sameTarget(rbd!, 'rbd', { name: `volumes/volume-${ID3}` })).toBe(true);
    expect(sameTarget(rbd!, 'iscsi', { target_iqn: IQN1, target_portal: 'x', target_lun: 1 })).toBe(false);
    expect(sameTarget(named!, 'nvmeof', { target_nqn: `nqn.nvme-subsystem-1-${ID1}`, portals: [['192.0.2.30', '4420', 'tcp']] })).toBe(true);
    expect(sameTarget(shared!, 'nvmeof', { target_nqn: 'nqn.shared', vol_uuid: ID2, portals: [] })).toBe(true);
    expect(sameTarget(shared!, 'nvmeof', { target_nqn: 'nqn.shared', vol_uuid: ID1, portals: [] })).toBe(false);
    // Data we cannot read names nothing.
    expect(sameTarget(rbd!, 'rbd', { name: 'no-slash' })).toBe(false);
  });

  it('finds the attachment holding a device, by its link or by the device behind it', async () => {
    const probe = new FakeProbe().link(link('192.0.2.10:3260', IQN1), '/dev/sdb');
    const found = await listHostAttachments(hostWith({ iscsi: `tcp: [1] 192.0.2.10:3260,1 ${IQN1} (non-flash)` }), probe);
    expect((await attachmentAtDevice(found, link('192.0.2.10:3260', IQN1), probe))?.volumeId).toBe(ID1);
    expect((await attachmentAtDevice(found, '/dev/sdb', probe))?.volumeId).toBe(ID1);
    expect(await attachmentAtDevice(found, '/dev/sdz', probe)).toBeUndefined();
  });
});
