import { InvalidArgumentError } from 'commander';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `--stuck-after`: 30s, 10m, 1h, 2d (a bare number is seconds). */
export function durationSeconds(value: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(value.trim());
  if (!match || Number(match[1]) <= 0) throw new InvalidArgumentError('expected a duration such as 30s, 10m, 1h or 2d.');
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's']!;
}

/** A short age for humans: 45s, 12m, 3h 5m, 2d 4h. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

/** Cinder's timestamps are UTC without a zone ("2024-05-01T10:00:00.000000"). */
export function parseCinderTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : time;
}

/** The form Cinder's time filters accept (3.60+): ISO 8601 in UTC, seconds precision. */
export function cinderTimeFilter(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A percentage threshold: 90 or 90%. */
export function percentage(value: string): number {
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(value.trim());
  const percent = match ? Number(match[1]) : NaN;
  if (!(percent > 0 && percent <= 100)) throw new InvalidArgumentError('expected a percentage above 0 and at most 100, e.g. 90 or 90%.');
  return percent;
}
