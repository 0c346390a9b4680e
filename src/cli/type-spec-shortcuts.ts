import type { Command } from 'commander';
import { collect } from './option-parsers.js';
import { flag, repeatable, type OptionExtras } from './option-spec.js';

/**
 * openstack's aliases for well-known extra specs of volume types
 * (`--multiattach` is `--property multiattach='<is> True'`, ...), shared by
 * `volume type create`, `set` (they set the spec) and `list` (they filter on it).
 */
export interface SpecShortcutFlags {
  multiattach?: boolean;
  cacheable?: boolean;
  replicated?: boolean;
  availabilityZone?: string[];
}

/** The shortcut options; `extras` apply to each (a `set` marks them as changes, `list` needs a microversion to filter). */
export function specShortcutOptions(verb: 'set' | 'filter', extras: OptionExtras = {}) {
  const lead = verb === 'set' ? 'set' : 'only types with';
  return {
    multiattach: flag('--multiattach', `${lead} multiattach='<is> True' (volumes attachable to several hosts; driver support needed)`, extras),
    cacheable: flag('--cacheable', `${lead} cacheable='<is> True' (driver support needed)`, extras),
    replicated: flag('--replicated', `${lead} replication_enabled='<is> True' (driver support needed)`, extras),
    availabilityZone: repeatable('--availability-zone <zone>', `${lead} RESKEY:availability_zones=<zone,...> (repeatable)`, extras),
  };
}

export function addSpecShortcutOptions(command: Command, verb: 'set' | 'filter'): Command {
  const lead = verb === 'set' ? 'set' : 'only types with';
  return command
    .option('--multiattach', `${lead} multiattach='<is> True' (volumes attachable to several hosts; driver support needed)`)
    .option('--cacheable', `${lead} cacheable='<is> True' (driver support needed)`)
    .option('--replicated', `${lead} replication_enabled='<is> True' (driver support needed)`)
    .option('--availability-zone <zone>', `${lead} RESKEY:availability_zones=<zone,...> (repeatable)`, collect);
}

/** The extra specs the shortcuts stand for, on top of `properties` (--property). */
export function specsWithShortcuts(properties: Record<string, string> | undefined, flags: SpecShortcutFlags): Record<string, string> | undefined {
  const specs: Record<string, string> = { ...properties };
  if (flags.multiattach) specs.multiattach = '<is> True';
  if (flags.cacheable) specs.cacheable = '<is> True';
  if (flags.replicated) specs.replication_enabled = '<is> True';
  if (flags.availabilityZone?.length) specs['RESKEY:availability_zones'] = flags.availabilityZone.join(',');
  return Object.keys(specs).length ? specs : undefined;
}
