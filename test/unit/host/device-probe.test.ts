import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SysfsDeviceProbe } from '../../../src/host/device-probe.js';
import { tempDir } from '../helpers/harness.js';

/** A /sys with two NVMe subsystems: one namespace per path (native multipath off), and a shared one. */
function fakeSys(): string {
  const sys = tempDir('sys');
  const subsystem = (name: string, nqn: string, namespaces: Record<string, { nsid: string; uuid: string }>) => {
    const dir = join(sys, 'class/nvme-subsystem', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'subsysnqn'), `${nqn}\n`);
    for (const [entry, attributes] of Object.entries(namespaces)) {
      mkdirSync(join(dir, entry));
      writeFileSync(join(dir, entry, 'nsid'), `${attributes.nsid}\n`);
      writeFileSync(join(dir, entry, 'uuid'), `${attributes.uuid}\n`);
    }
  };
  subsystem('nvme-subsys0', 'nqn.nvme-subsystem-1-vol', {
    nvme0c0n1: { nsid: '10', uuid: '00000000-0000-0000-0000-000000000000' },
    nvme0c1n1: { nsid: '10', uuid: '00000000-0000-0000-0000-000000000000' },
  });
  subsystem('nvme-subsys1', 'nqn.shared', {
    nvme1n1: { nsid: '1', uuid: '22222222-2222-4222-8222-222222222222' },
    nvme1n2: { nsid: '2', uuid: '33333333-3333-4333-8333-333333333333' },
  });
  return sys;
}

describe('SysfsDeviceProbe', () => {
  it('lists NVMe subsystems with one entry per namespace device; an all-zero uuid is no uuid', async () => {
    const probe = new SysfsDeviceProbe(fakeSys());
    expect(await probe.nvmeSubsystems()).toEqual([
      { nqn: 'nqn.nvme-subsystem-1-vol', namespaces: [{ device: '/dev/nvme0n1', nsId: 10 }] },
      {
        nqn: 'nqn.shared',
        namespaces: [
          { device: '/dev/nvme1n1', nsId: 1, uuid: '22222222-2222-4222-8222-222222222222' },
          { device: '/dev/nvme1n2', nsId: 2, uuid: '33333333-3333-4333-8333-333333333333' },
        ],
      },
    ]);
    expect(await probe.nvmeNamespace('nqn.shared', { uuid: '33333333-3333-4333-8333-333333333333' })).toBe('/dev/nvme1n2');
    expect(await probe.nvmeNamespace('nqn.nvme-subsystem-1-vol', { nsId: 10 })).toBe('/dev/nvme0n1');
    expect(await probe.nvmeNamespace('nqn.shared', { nsId: 9 })).toBeUndefined();
    expect(await new SysfsDeviceProbe(tempDir('empty-sys')).nvmeSubsystems()).toEqual([]);
  });

  it('lists a directory (none when it is missing) and resolves links', async () => {
    const dev = tempDir('dev');
    writeFileSync(join(dev, 'sdb'), '');
    symlinkSync(join(dev, 'sdb'), join(dev, 'link-1'));
    const probe = new SysfsDeviceProbe();
    expect((await probe.list(dev)).sort()).toEqual(['link-1', 'sdb']);
    expect(await probe.list(join(dev, 'missing'))).toEqual([]);
    expect(await probe.resolve(join(dev, 'link-1'))).toBe(join(dev, 'sdb'));
    expect(await probe.resolve(join(dev, 'gone'))).toBeUndefined();
  });
});
