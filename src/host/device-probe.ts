import { access, readFile, readdir, realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** One namespace of an NVMe subsystem, with the block device the kernel made for it. */
interface NvmeNamespaceInfo {
  /** /dev/nvmeXnY */
  device: string;
  nsId?: number;
  /** The namespace uuid (os-brick's vol_uuid); undefined when the target sets none. */
  uuid?: string;
}

/** An NVMe subsystem this host is connected to. */
export interface NvmeSubsystemInfo {
  nqn: string;
  namespaces: NvmeNamespaceInfo[];
}

/**
 * Read-only questions about block devices, answered from /dev and /sys.
 * Kept apart from the command runner because reading a file is not a side
 * effect; unit tests substitute a fake to simulate devices appearing.
 */
export interface DeviceProbe {
  exists(path: string): Promise<boolean>;
  /** The multipath map (/dev/mapper/NAME or /dev/dm-N) holding this path device, if any. */
  multipathHolder(devicePath: string): Promise<string | undefined>;
  /** The block device of namespace `nsId` (or with this uuid) of the NVMe subsystem `nqn`. */
  nvmeNamespace(nqn: string, selector: { nsId?: number; uuid?: string }): Promise<string | undefined>;
  /** The names in a directory (e.g. /dev/disk/by-path); none when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** Where a link leads (/dev/disk/by-path/… → /dev/sdb); undefined when nothing is there. */
  resolve(path: string): Promise<string | undefined>;
  /** Every NVMe subsystem this host is connected to, with its namespaces. */
  nvmeSubsystems(): Promise<NvmeSubsystemInfo[]>;
}

/** Namespace entries of a subsystem: nvme0n1, or nvme0c1n1 (one controller's path) with native multipath off. */
const NAMESPACE_ENTRY = /^nvme\d+(c\d+)?n\d+$/;
/** An all-zero uuid means "no uuid" in NVMe (the target did not set one). */
const NO_UUID = /^[0-]+$/;

export class SysfsDeviceProbe implements DeviceProbe {
  constructor(private readonly sysRoot = '/sys') {}

  async exists(path: string): Promise<boolean> {
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  }

  async multipathHolder(devicePath: string): Promise<string | undefined> {
    try {
      const kernelName = basename(await realpath(devicePath));
      const holders = await readdir(join(this.sysRoot, 'block', kernelName, 'holders'));
      const dm = holders.find((name) => name.startsWith('dm-'));
      if (!dm) return undefined;
      const mapName = (await readFile(join(this.sysRoot, 'block', dm, 'dm', 'name'), 'utf8').catch(() => '')).trim();
      return mapName ? `/dev/mapper/${mapName}` : `/dev/${dm}`;
    } catch {
      return undefined;
    }
  }

  async nvmeNamespace(nqn: string, selector: { nsId?: number; uuid?: string }): Promise<string | undefined> {
    for (const subsystem of await this.nvmeSubsystems()) {
      if (subsystem.nqn !== nqn) continue;
      const found = subsystem.namespaces.find((namespace) => (selector.uuid ? namespace.uuid === selector.uuid : selector.nsId !== undefined && namespace.nsId === selector.nsId));
      if (found) return found.device;
    }
    return undefined;
  }

  async list(dir: string): Promise<string[]> {
    return readdir(dir).catch(() => []);
  }

  async resolve(path: string): Promise<string | undefined> {
    return realpath(path).catch(() => undefined);
  }

  async nvmeSubsystems(): Promise<NvmeSubsystemInfo[]> {
    const classDir = join(this.sysRoot, 'class', 'nvme-subsystem');
    const read = (path: string) =>
      readFile(path, 'utf8').then(
        (text) => text.trim(),
        () => '',
      );
    const subsystems: NvmeSubsystemInfo[] = [];
    for (const subsystem of await this.list(classDir)) {
      const dir = join(classDir, subsystem);
      const nqn = await read(join(dir, 'subsysnqn'));
      if (!nqn) continue;
      const namespaces: NvmeNamespaceInfo[] = [];
      for (const entry of (await this.list(dir)).filter((name) => NAMESPACE_ENTRY.test(name))) {
        const device = `/dev/${entry.replace(/c\d+n/, 'n')}`;
        if (namespaces.some((namespace) => namespace.device === device)) continue;
        const uuid = await read(join(dir, entry, 'uuid'));
        const nsid = await read(join(dir, entry, 'nsid'));
        namespaces.push({
          device,
          ...(nsid && Number.isInteger(Number(nsid)) ? { nsId: Number(nsid) } : {}),
          ...(uuid && !NO_UUID.test(uuid) ? { uuid } : {}),
        });
      }
      subsystems.push({ nqn, namespaces });
    }
    return subsystems;
  }
}
