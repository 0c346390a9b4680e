import { restBeforeNextMs } from '../cli/watch.js';

/** A view's last refresh: when it started, and when it ended (undefined while it runs). */
export interface RefreshTiming {
  startedAt?: number;
  finishedAt?: number;
}

/**
 * When a view's next refresh may start (epoch ms): at once when it never
 * ran; never while it runs (Infinity), so a slow server never has requests
 * stacked behind a refresh; otherwise paced as --watch paces its refreshes
 * (one interval after the last start, or a full interval after one that overran).
 */
export function nextRefreshAt(timing: RefreshTiming, intervalMs: number): number {
  if (timing.startedAt === undefined) return -Infinity;
  if (timing.finishedAt === undefined) return Infinity;
  return timing.finishedAt + restBeforeNextMs(timing.finishedAt - timing.startedAt, intervalMs);
}
