import { InterruptedError, UcinderError } from '../errors.js';

/** The device never showed up: names what was expected and what to check. */
class DeviceTimeoutError extends UcinderError {
  override name = 'DeviceTimeoutError';
}

export interface PollClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

const POLL_INTERVAL_MS = 250;

/**
 * Polls `find` until it returns a device or the time is up. udev creates the
 * /dev/disk/by-path links asynchronously after login/map, so "not yet" is normal.
 */
export async function waitForDevice(find: () => Promise<string | undefined>, timeoutMs: number, clock: PollClock, onTimeout: () => string): Promise<string> {
  const deadline = clock.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (clock.signal?.aborted) throw new InterruptedError('interrupted while waiting for the device');
    if (clock.now() >= deadline) throw new DeviceTimeoutError(onTimeout());
    await clock.sleep(Math.min(POLL_INTERVAL_MS, Math.max(1, deadline - clock.now())));
  }
}
