import { formatAge, parseCinderTime } from '../cli/status/duration.js';
import type { Cell } from '../output/result.js';
import { humanText } from '../output/values.js';
import type { Tone } from './view.js';

/** A value as a table cell of the screen: as the tables print it, but empty for nothing (not "None"). */
export function cellText(value: Cell): string {
  return value === null || value === undefined ? '' : humanText(value);
}

/** "12s ago" from a Cinder timestamp; empty when there is none. */
export function ageText(value: string | null | undefined, now: number): string {
  const time = parseCinderTime(value);
  return time === undefined ? '' : `${formatAge((now - time) / 1000)} ago`;
}

/** Red for an error status, cyan for one on its way somewhere, nothing for a settled one. */
export function statusTone(status: string, errors: readonly string[], transitional: readonly string[]): Tone | undefined {
  if (errors.includes(status)) return 'error';
  if (transitional.includes(status)) return 'busy';
  return undefined;
}

/** Width of the bar between its brackets. */
const BAR_WIDTH = 10;

export interface Capacity {
  /** `[######....]  62%`, or what the backend says instead of numbers (infinite, unknown). */
  text: string;
  /** Green below three quarters, yellow up to the threshold, red at and above it. */
  tone?: Tone;
}

/** How full a pool is, as a bar: free out of total; allocated is shown beside it. */
export function capacityBar(total: number | string | undefined, free: number | string | undefined, thresholdPercent: number): Capacity {
  const totalGiB = Number(total);
  const freeGiB = Number(free);
  if (!(totalGiB > 0) || !Number.isFinite(freeGiB)) return { text: String(total ?? 'unknown') };
  const used = Math.min(100, Math.max(0, ((totalGiB - freeGiB) / totalGiB) * 100));
  const filled = Math.round((used / 100) * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${used.toFixed(0).padStart(3)}%`;
  return { text: bar, tone: used >= thresholdPercent ? 'error' : used >= 75 ? 'warning' : 'ok' };
}

/** The width a capacity bar takes, so its column never cuts it. */
export const CAPACITY_WIDTH = BAR_WIDTH + 7;
