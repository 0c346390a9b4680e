import { InterruptedError, WaitError } from '../errors.js';
import { ApiError } from '../http/errors.js';

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
      throw new WaitError(`timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${label} (last status '${lastStatus}'); it continues on the server`);
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

/** Resolves after `ms`, or rejects at once when `signal` aborts (Ctrl-C). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
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

/** One resource of a batch being deleted. */
interface DeletionTarget<T> {
  id: string;
  target: Omit<StatusTarget<T>, 'done'>;
}

interface BatchDeletionOptions extends WaitOptions {
  /** IDs currently in the `deleting` status: one filtered listing for the whole batch. */
  listDeleting: () => Promise<Set<string>>;
  /** Called once per resource when it is gone. */
  onGone?: (id: string) => void;
}

/**
 * Waits until every resource of a batch is gone, with one listing per round
 * instead of one GET per resource per round: a resource still listed as
 * `deleting` needs no request of its own. Only one that has left that
 * status is fetched, to tell "gone" (404) from a failure (error_deleting,
 * with its reason) or a resource the listing cannot see (another project's,
 * for an admin), which simply stays in the batch. Settles every resource.
 */
export async function waitForDeletions<T>(batch: DeletionTarget<T>[], options: BatchDeletionOptions): Promise<PromiseSettledResult<void>[]> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const deadline = now() + options.timeoutMs;
  let interval = options.intervalMs ?? 500;
  const maxInterval = options.maxIntervalMs ?? 3000;
  const results = new Map<string, PromiseSettledResult<void>>();
  const pending = new Map(batch.map((item) => [item.id, item]));
  const settle = (id: string, result: PromiseSettledResult<void>) => {
    results.set(id, result);
    pending.delete(id);
  };
  const lastStatus = new Map<string, string>();
  for (;;) {
    if (options.signal?.aborted) {
      for (const [id, { target }] of pending) settle(id, { status: 'rejected', reason: interrupted(target.label) });
      break;
    }
    const deleting = await options.listDeleting();
    await Promise.all(
      [...pending.values()].map(async ({ id, target }) => {
        let status = 'deleting';
        let resource: T | undefined;
        if (!deleting.has(id)) {
          try {
            resource = await target.fetch();
            status = target.status(resource);
          } catch (error) {
            if (error instanceof ApiError && error.status === 404) {
              options.onGone?.(id);
              return settle(id, { status: 'fulfilled', value: undefined });
            }
            return settle(id, { status: 'rejected', reason: error });
          }
        }
        if (status !== lastStatus.get(id)) {
          lastStatus.set(id, status);
          options.onStatus?.(`${target.label}: ${status}`);
        }
        if (resource !== undefined && target.failed(status)) {
          const reason = await target.explain?.(resource).catch(() => undefined);
          settle(id, { status: 'rejected', reason: new WaitError(`${target.label} is in status '${status}'${reason ? `: ${reason}` : ''}`) });
        }
      }),
    );
    if (pending.size === 0) break;
    if (now() >= deadline) {
      for (const [id, { target }] of pending) {
        const message = `timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${target.label} (last status '${lastStatus.get(id)}'); it continues on the server`;
        settle(id, { status: 'rejected', reason: new WaitError(message) });
      }
      break;
    }
    try {
      await sleep(Math.min(interval, Math.max(0, deadline - now())), options.signal);
    } catch {
      continue; // aborted: the top of the loop settles what is left
    }
    interval = Math.min(interval * 1.5, maxInterval);
  }
  return batch.map(({ id }) => results.get(id)!);
}
