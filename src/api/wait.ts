import { InterruptedError, WaitError } from '../errors.js';
import { ApiError } from './errors.js';

export interface WaitOptions {
  /** Give up after this long (--wait-timeout). */
  timeoutMs: number;
  /** First delay between polls; it grows to maxIntervalMs. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Called whenever the status changes, for progress display. */
  onStatus?: (status: string) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export interface StatusTarget<T> {
  /** "volume 'vol1'" for messages. */
  label: string;
  fetch(): Promise<T>;
  status(resource: T): string;
  /** Statuses that end the wait successfully. */
  done: readonly string[];
  /** Statuses that end the wait with an error (error, error_deleting, ...). */
  failed: (status: string) => boolean;
  /** Why it failed, e.g. from the messages API. */
  explain?: (resource: T) => Promise<string | undefined>;
}

/** Polls until a resource reaches a final status; returns it. */
export async function waitForStatus<T>(target: StatusTarget<T>, options: WaitOptions): Promise<T> {
  return poll(options, target.label, async () => {
    const resource = await target.fetch();
    const status = target.status(resource);
    if (target.done.includes(status)) return { done: true, value: resource, status };
    if (target.failed(status)) {
      const reason = await target.explain?.(resource).catch(() => undefined);
      throw new WaitError(`${target.label} is in status '${status}'${reason ? `: ${reason}` : ''}`);
    }
    return { done: false, status };
  });
}

/** Polls until fetching answers 404: the resource is gone. */
export async function waitForDeletion<T>(target: Omit<StatusTarget<T>, 'done'>, options: WaitOptions): Promise<void> {
  await poll(options, target.label, async () => {
    let resource: T;
    try {
      resource = await target.fetch();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { done: true, value: undefined, status: 'deleted' };
      throw error;
    }
    const status = target.status(resource);
    if (target.failed(status)) {
      const reason = await target.explain?.(resource).catch(() => undefined);
      throw new WaitError(`${target.label} is in status '${status}'${reason ? `: ${reason}` : ''}`);
    }
    return { done: false, status };
  });
}

interface PollResult<T> {
  done: boolean;
  value?: T;
  status: string;
}

async function poll<T>(options: WaitOptions, label: string, check: () => Promise<PollResult<T>>): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const deadline = now() + options.timeoutMs;
  let interval = options.intervalMs ?? 500;
  const maxInterval = options.maxIntervalMs ?? 3000;
  let lastStatus: string | undefined;
  for (;;) {
    if (options.signal?.aborted) throw interrupted(label);
    const result = await check();
    if (result.status !== lastStatus) {
      lastStatus = result.status;
      options.onStatus?.(result.status);
    }
    if (result.done) return result.value as T;
    if (now() >= deadline) {
      throw new WaitError(
        `timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${label} (last status '${lastStatus}'); it continues on the server`,
      );
    }
    try {
      await sleep(Math.min(interval, Math.max(0, deadline - now())), options.signal);
    } catch {
      throw interrupted(label);
    }
    interval = Math.min(interval * 1.5, maxInterval);
  }
}

function interrupted(label: string): InterruptedError {
  return new InterruptedError(`stopped waiting for ${label}; the operation continues on the server`);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
