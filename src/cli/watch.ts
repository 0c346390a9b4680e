import { InvalidArgumentError, type Command } from 'commander';
import { abortableSleep } from '../api/wait.js';
import { bufferIOStreams, markChangedLine, REDRAW_IN_PLACE, type IOStreams } from '../output/iostreams.js';

/** `--watch` alone refreshes this often. */
export const DEFAULT_WATCH_SECONDS = 2;
/** Faster than this would poll Cinder for little: one request per refresh is the promise. */
export const MIN_WATCH_SECONDS = 1;

export function watchSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < MIN_WATCH_SECONDS) {
    throw new InvalidArgumentError(`expected a number of seconds, at least ${MIN_WATCH_SECONDS}.`);
  }
  return seconds;
}

/** Adds `--watch [SECONDS]` to a list or show command (defineCommand's `watchable`). */
export function addWatchOption(command: Command): void {
  command.option(
    '--watch [seconds]',
    `show the result again every SECONDS (default ${DEFAULT_WATCH_SECONDS}, at least ${MIN_WATCH_SECONDS}) until Ctrl-C: redrawn in place with changed lines marked on a terminal, each refresh after a timestamp line in a pipe`,
    watchSeconds,
  );
}

/** The interval asked for, or undefined when the command runs once. */
export function watchIntervalMs(value: number | boolean | undefined): number | undefined {
  if (value === undefined || value === false) return undefined;
  return (value === true ? DEFAULT_WATCH_SECONDS : value) * 1000;
}

export interface WatchOptions {
  io: IOStreams;
  intervalMs: number;
  /** The command line shown above the view on a terminal, e.g. "ucinder volume list". */
  title: string;
  /** One refresh: makes its request(s) and prints the view on the streams it is given. */
  refresh: (io: IOStreams) => Promise<void>;
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Shows a view again and again until Ctrl-C, which ends the watch normally
 * (exit 0: stopping is how a watch is meant to end), paced by
 * restBeforeNextMs. An error of a refresh ends the watch with that error.
 */
export async function watch(options: WatchOptions): Promise<void> {
  const { io, intervalMs, signal } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  let previousLines: ReadonlySet<string> | undefined;
  for (;;) {
    const started = now();
    const view = bufferIOStreams({ stdoutIsTTY: io.stdoutIsTTY, colorEnabled: io.colorEnabled, columns: io.columns });
    try {
      await options.refresh(view.io);
    } catch (error) {
      if (signal?.aborted) return;
      throw error;
    }
    if (signal?.aborted) return;
    // The time the refresh asked, not when its answer came.
    const stamp = timestamp(started);
    if (io.stdoutIsTTY) {
      const lines = view.stdout().replace(/\n$/, '').split('\n');
      const marked = lines.map((line) => (previousLines && !previousLines.has(line) ? markChangedLine(io, line) : line));
      io.stdout.write(`${REDRAW_IN_PLACE}Every ${intervalMs / 1000}s: ${options.title}    ${stamp}\n\n${marked.join('\n')}\n`);
      previousLines = new Set(lines);
    } else {
      io.stdout.write(`${stamp}\n${view.stdout()}`);
    }
    io.stderr.write(view.stderr());
    try {
      await sleep(restBeforeNextMs(now() - started, intervalMs), signal);
    } catch {
      return;
    }
    if (signal?.aborted) return;
  }
}

/**
 * How long to wait after a refresh that took `elapsedMs` before the next
 * one starts: refreshes start one interval apart, and one that overran its
 * interval is followed by a full interval of rest, so a slow server is never
 * polled back to back.
 */
export function restBeforeNextMs(elapsedMs: number, intervalMs: number): number {
  return elapsedMs < intervalMs ? intervalMs - elapsedMs : intervalMs;
}

/** UTC to the second: 2026-11-28T18:20:05Z. */
function timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
