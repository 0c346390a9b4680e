import { access, readFile, readdir, realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';

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
}

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
    const classDir = join(this.sysRoot, 'class', 'nvme-subsystem');
    let subsystems: string[];
    try {
      subsystems = await readdir(classDir);
    } catch {
      return undefined;
    }
    for (const subsystem of subsystems) {
      const dir = join(classDir, subsystem);
      const subsystemNqn = (await readFile(join(dir, 'subsysnqn'), 'utf8').catch(() => '')).trim();
      if (subsystemNqn !== nqn) continue;
      const entries = await readdir(dir).catch(() => [] as string[]);
      for (const entry of entries.filter((name) => /^nvme\d+(c\d+)?n\d+$/.test(name))) {
        if (selector.uuid) {
          const uuid = (await readFile(join(dir, entry, 'uuid'), 'utf8').catch(() => '')).trim();
          if (uuid === selector.uuid) return `/dev/${entry.replace(/c\d+n/, 'n')}`;
        } else if (selector.nsId !== undefined) {
          const nsid = (await readFile(join(dir, entry, 'nsid'), 'utf8').catch(() => '')).trim();
          if (Number(nsid) === selector.nsId) return `/dev/${entry.replace(/c\d+n/, 'n')}`;
        }
      }
    }
    return undefined;
  }
}
