import { InvalidArgumentError, type Command } from 'commander';
import { option, type OptionSpec } from './option-spec.js';

/**
 * The block storage limits `quota set` changes: option name (openstack's,
 * plus cinderclient's --groups) → Cinder's quota name. One table, so the
 * flags, the request and the help cannot disagree.
 */
export const QUOTA_OPTIONS = [
  { flag: 'volumes', quota: 'volumes', perType: true },
  { flag: 'snapshots', quota: 'snapshots', perType: true },
  { flag: 'gigabytes', quota: 'gigabytes', perType: true },
  { flag: 'backups', quota: 'backups', perType: false },
  { flag: 'backup-gigabytes', quota: 'backup_gigabytes', perType: false },
  { flag: 'per-volume-gigabytes', quota: 'per_volume_gigabytes', perType: false },
  { flag: 'groups', quota: 'groups', perType: false },
] as const;

/** Commander's camelCase key of each flag's value. */
function optionKey(flag: string): string {
  return flag.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** A limit: a whole number, or -1 for unlimited (what Cinder accepts). */
export function quotaLimit(value: string): number {
  if (!/^(?:-1|\d+)$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a whole number, or -1 for unlimited.');
  }
  return Number(value);
}

type QuotaKey = (typeof QUOTA_OPTIONS)[number]['flag'] extends infer Flag extends string ? CamelCase<Flag> : never;
type CamelCase<Text extends string> = Text extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Text;

/** One option per quota, keyed as Commander keys them; each a change of `quota set`. */
export function quotaOptions(): Record<QuotaKey, OptionSpec<number, false>> {
  return Object.fromEntries(
    QUOTA_OPTIONS.map(({ flag }) => [optionKey(flag), option(`--${flag} <${flag}>`, `new value for the ${flag} quota (-1: unlimited)`, { parse: quotaLimit, change: true })]),
  ) as Record<QuotaKey, OptionSpec<number, false>>;
}

export function addQuotaOptions(command: Command): Command {
  for (const { flag } of QUOTA_OPTIONS) {
    command.option(`--${flag} <${flag}>`, `new value for the ${flag} quota (-1: unlimited)`, quotaLimit);
  }
  return command;
}

/**
 * The request's quota names and values. With a volume type, the limits that
 * Cinder keeps per type (volumes, snapshots, gigabytes) become
 * volumes_<type>, …; the others stay project-wide, as the openstack client
 * sends them.
 */
export function quotaChanges(options: Partial<Record<QuotaKey, number>>, volumeTypeName?: string): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const { flag, quota, perType } of QUOTA_OPTIONS) {
    const value = options[optionKey(flag) as QuotaKey];
    if (typeof value !== 'number') continue;
    changes[volumeTypeName && perType ? `${quota}_${volumeTypeName}` : quota] = value;
  }
  return changes;
}

export const QUOTA_FLAGS_TEXT = QUOTA_OPTIONS.map(({ flag }) => `--${flag}`).join(', ');
