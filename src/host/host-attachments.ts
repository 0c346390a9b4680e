import type { DeviceProbe } from './device-probe.js';
import { ISCSI_ERR_NO_OBJS_FOUND, iscsiTargets } from './connectors/iscsi.js';
import { nvmeTarget } from './connectors/nvmeof.js';
import type { ConnectionData } from './connectors/protocol.js';
import { rbdDevicePath, rbdImage } from './connectors/rbd.js';
import { ToolMissingError, type CommandRunner } from './runner.js';

/**
 * The host's own view of what is attached: iSCSI sessions, RBD maps and NVMe
 * subsystems whose names say they are Cinder volumes. Read with the same
 * tools os-brick reads them with (`iscsiadm -m session`, `rbd showmapped`,
 * /sys/class/nvme-subsystem), never changed here.
 *
 * How a name carries the volume id (Cinder's own naming, which other drivers
 * may not follow):
 * - iSCSI: Cinder's target helpers (tgt, LIO, IET, SCST) name the target
 *   `target_prefix` + the volume's name, `iqn.2010-10.org.openstack:volume-<id>`
 *   by default (volume_name_template `volume-%s`).
 * - RBD: the RBD driver names the image after the volume, `volume-<id>`.
 * - NVMe-oF: the nvmet target names a subsystem per volume
 *   `nqn.<target_prefix>-<volume id>`; with shared targets the subsystem is
 *   named after the host and each namespace's uuid is the volume's id.
 * The id is the volume's name_id: after a migration it can differ from the id.
 */

export type HostProtocol = 'iscsi' | 'rbd' | 'nvmeof';

export interface HostAttachment {
  protocol: HostProtocol;
  /** The Cinder volume id the name carries. */
  volumeId: string;
  /**
   * 'name': the target's name says it is Cinder's (volume-<id>, an NQN ending
   * in the id). 'namespace': only an NVMe namespace uuid, which any NVMe
   * target may set: count it as Cinder's only when Cinder knows that volume.
   */
  idFrom: 'name' | 'namespace';
  /** IQN, pool/image or NQN. */
  target: string;
  /** iSCSI portals with a session (none for RBD and NVMe). */
  portals: string[];
  /** The block devices found: by-path links, /dev/rbdN, /dev/nvmeXnY. */
  devices: string[];
  /** The one to use: the multipath map over several paths, else the only device. */
  device?: string;
  /** Connection data in Cinder's shape, rebuilt from what the host shows, for the protocol's detach. */
  data: ConnectionData;
  /** Other volumes' namespaces in the same NVMe subsystem: disconnecting it drops them too. */
  sharedWith?: number;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const VOLUME_NAME = new RegExp(`volume-(${UUID})`, 'i');
const NQN_ENDING_IN_ID = new RegExp(`-(${UUID})$`, 'i');

/** The id in `volume-<uuid>` (an IQN or an image name), lower case. */
export function volumeIdInName(name: string): string | undefined {
  return VOLUME_NAME.exec(name)?.[1]?.toLowerCase();
}

/** Every Cinder-looking attachment on this host: iSCSI, then RBD, then NVMe-oF. */
export async function listHostAttachments(runner: CommandRunner, probe: DeviceProbe): Promise<HostAttachment[]> {
  return [...(await iscsiAttachments(runner, probe)), ...(await rbdAttachments(runner, probe)), ...(await nvmeAttachments(probe))];
}

/** Output of a read-only tool; a tool that is not installed has nothing attached. */
async function readTool(runner: CommandRunner, argv: string[], okExitCodes: number[] = [0]): Promise<string> {
  try {
    return (await runner.run(argv, { okExitCodes })).stdout;
  } catch (error) {
    if (error instanceof ToolMissingError) return '';
    throw error;
  }
}

/** `tcp: [1] 192.0.2.10:3260,1 iqn.2010-10.org.openstack:volume-<id> (non-flash)`, as os-brick parses it. */
export function parseIscsiSessions(text: string): { portal: string; iqn: string }[] {
  const sessions: { portal: string; iqn: string }[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || !/^\[\d+\]$/.test(fields[1]!)) continue;
    const comma = fields[2]!.lastIndexOf(',');
    sessions.push({ portal: comma > 0 ? fields[2]!.slice(0, comma) : fields[2]!, iqn: fields[3]! });
  }
  return sessions;
}

async function iscsiAttachments(runner: CommandRunner, probe: DeviceProbe): Promise<HostAttachment[]> {
  // Exit 21: "No active sessions".
  const sessions = parseIscsiSessions(await readTool(runner, ['iscsiadm', '-m', 'session'], [0, ISCSI_ERR_NO_OBJS_FOUND]));
  const byIqn = new Map<string, string[]>();
  for (const { portal, iqn } of sessions) {
    if (!volumeIdInName(iqn)) continue;
    const portals = byIqn.get(iqn) ?? [];
    if (!portals.includes(portal)) portals.push(portal);
    byIqn.set(iqn, portals);
  }
  if (byIqn.size === 0) return [];
  const links = await probe.list('/dev/disk/by-path');
  const attachments: HostAttachment[] = [];
  for (const [iqn, portals] of byIqn) {
    const devices: string[] = [];
    const luns: number[] = [];
    for (const portal of portals) {
      const prefix = `ip-${portal}-iscsi-${iqn}-lun-`;
      for (const link of links.filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))) {
        devices.push(`/dev/disk/by-path/${link}`);
        luns.push(Number(link.slice(prefix.length)));
      }
    }
    const lun = luns[0] ?? 0;
    const device = devices.length > 1 ? ((await probe.multipathHolder(devices[0]!)) ?? devices[0]) : devices[0];
    attachments.push({
      protocol: 'iscsi',
      volumeId: volumeIdInName(iqn)!,
      idFrom: 'name',
      target: iqn,
      portals,
      devices,
      ...(device ? { device } : {}),
      data: {
        target_iqn: iqn,
        target_portal: portals[0],
        target_lun: lun,
        target_portals: portals,
        target_iqns: portals.map(() => iqn),
        target_luns: portals.map(() => lun),
      },
    });
  }
  return attachments;
}

interface RbdMapping {
  pool?: string;
  name?: string;
  snap?: string;
  device?: string;
}

/** `rbd showmapped --format json`: a list since Ceph Mimic, an object keyed by id before (os-brick reads both). */
export function parseRbdShowmapped(text: string): RbdMapping[] {
  if (!text.trim()) return [];
  const parsed = JSON.parse(text) as unknown;
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? Object.values(parsed) : [];
  return list.filter((item): item is RbdMapping => item !== null && typeof item === 'object');
}

async function rbdAttachments(runner: CommandRunner, probe: DeviceProbe): Promise<HostAttachment[]> {
  const attachments: HostAttachment[] = [];
  for (const mapping of parseRbdShowmapped(await readTool(runner, ['rbd', 'showmapped', '--format', 'json']))) {
    const { pool, name, device } = mapping;
    // A mapped snapshot is not the volume.
    if (!pool || !name || !device || (mapping.snap && mapping.snap !== '-')) continue;
    const volumeId = volumeIdInName(name);
    if (!volumeId) continue;
    const link = rbdDevicePath({ pool, image: name });
    attachments.push({
      protocol: 'rbd',
      volumeId,
      idFrom: 'name',
      target: `${pool}/${name}`,
      portals: [],
      devices: [device],
      device: (await probe.exists(link)) ? link : device,
      data: { name: `${pool}/${name}` },
    });
  }
  return attachments;
}

async function nvmeAttachments(probe: DeviceProbe): Promise<HostAttachment[]> {
  const attachments: HostAttachment[] = [];
  for (const subsystem of await probe.nvmeSubsystems()) {
    const named = NQN_ENDING_IN_ID.exec(subsystem.nqn)?.[1]?.toLowerCase();
    const base = { protocol: 'nvmeof' as const, target: subsystem.nqn, portals: [] };
    if (named) {
      const devices = subsystem.namespaces.map((namespace) => namespace.device);
      attachments.push({ ...base, volumeId: named, idFrom: 'name', devices, ...(devices[0] ? { device: devices[0] } : {}), data: { target_nqn: subsystem.nqn, portals: [] } });
      continue;
    }
    for (const namespace of subsystem.namespaces) {
      if (!namespace.uuid) continue;
      attachments.push({
        ...base,
        volumeId: namespace.uuid.toLowerCase(),
        idFrom: 'namespace',
        devices: [namespace.device],
        device: namespace.device,
        data: { target_nqn: subsystem.nqn, portals: [], vol_uuid: namespace.uuid, ...(namespace.nsId !== undefined ? { ns_id: namespace.nsId } : {}) },
        sharedWith: subsystem.namespaces.length - 1,
      });
    }
  }
  return attachments;
}

/** Whether cached connection data names this host attachment's target (IQN, image, NQN and namespace). */
export function sameTarget(attachment: HostAttachment, driverVolumeType: string, data: ConnectionData): boolean {
  try {
    switch (driverVolumeType.toLowerCase()) {
      case 'iscsi':
        return attachment.protocol === 'iscsi' && iscsiTargets(data, true).some((target) => target.iqn === attachment.target);
      case 'rbd': {
        if (attachment.protocol !== 'rbd') return false;
        const image = rbdImage(data);
        return `${image.pool}/${image.image}` === attachment.target;
      }
      case 'nvmeof': {
        if (attachment.protocol !== 'nvmeof') return false;
        const target = nvmeTarget(data);
        if (target.nqn !== attachment.target) return false;
        return attachment.idFrom === 'name' || !target.uuid || target.uuid.toLowerCase() === attachment.volumeId;
      }
      default:
        return false;
    }
  } catch {
    // Connection data we cannot read names nothing on this host.
    return false;
  }
}

/** The host attachment one of whose devices is `device` (a link or what it leads to). */
export async function attachmentAtDevice(attachments: HostAttachment[], device: string, probe: DeviceProbe): Promise<HostAttachment | undefined> {
  const wanted = (await probe.resolve(device)) ?? device;
  for (const attachment of attachments) {
    for (const candidate of [attachment.device, ...attachment.devices]) {
      if (!candidate) continue;
      if (candidate === device || ((await probe.resolve(candidate)) ?? candidate) === wanted) return attachment;
    }
  }
  return undefined;
}
