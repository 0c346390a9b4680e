import { waitForStatus, type StatusTarget, type WaitOptions } from '../../api/wait.js';
import { InterruptedError } from '../../errors.js';
import { startProgress } from '../../output/progress.js';
import type { Factory } from '../factory.js';
import { positiveSeconds } from '../option-parsers.js';
import { flag, option } from '../option-spec.js';

/**
 * `--wait` done the same way by every asynchronous command: a spinner (or
 * plain lines in pipes) on stderr while polling, Cinder's reason when the
 * resource ends in an error status, and a clear word on Ctrl-C or timeout
 * that the operation itself goes on on the server.
 */

export const DEFAULT_WAIT_TIMEOUT_SECONDS = 600;

export interface WaitFlags {
  wait?: boolean;
  waitTimeout?: number;
}

export const WAIT_TIMEOUT_OPTION = option('--wait-timeout <seconds>', `give up waiting after this long (default ${DEFAULT_WAIT_TIMEOUT_SECONDS})`, { parse: positiveSeconds });

/** --wait and --wait-timeout; `until` completes "wait until …". */
export function waitOptions(until: string) {
  return {
    wait: flag('--wait', `wait until ${until}; fail with Cinder's reason if it ends in error`),
    waitTimeout: WAIT_TIMEOUT_OPTION,
  };
}

export function waitTimeoutMs(flags: WaitFlags): number {
  return (flags.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_SECONDS) * 1000;
}

interface WaitText {
  /** "Waiting for volume 'v1' to become available" */
  start: string;
  /** "volume 'v1' is available" */
  done: string;
}

/** Polls `target` to one of its done statuses, showing progress; returns the final resource. */
export function waitWithProgress<T>(f: Factory, target: StatusTarget<T>, flags: WaitFlags, text: WaitText): Promise<T> {
  return withProgress(f, target.label, flags, text, (options) => waitForStatus(target, options));
}

/** One poll under a spinner or status lines, with the wait timeout, Ctrl-C and clock of this invocation. */
async function withProgress<R>(f: Factory, label: string, flags: WaitFlags, text: WaitText, poll: (options: WaitOptions) => Promise<R>): Promise<R> {
  const progress = await startProgress(f.io, text.start);
  try {
    const result = await poll({
      timeoutMs: waitTimeoutMs(flags),
      onStatus: (status) => progress.update(`${label}: ${status}`),
      signal: f.deps.signal,
      sleep: f.deps.sleep,
      now: f.deps.now,
    });
    progress.stop(text.done);
    return result;
  } catch (error) {
    progress.stop();
    throw asWaitInterruption(error, label);
  }
}

/**
 * Ctrl-C during a poll request surfaces from the HTTP layer as "interrupted
 * during GET …"; while waiting, what the operator needs to hear is that the
 * operation was not cancelled.
 */
function asWaitInterruption(error: unknown, label: string): unknown {
  if (error instanceof InterruptedError && !error.message.includes('continues on the server')) {
    return new InterruptedError(`stopped waiting for ${label}; the operation continues on the server`);
  }
  return error;
}
