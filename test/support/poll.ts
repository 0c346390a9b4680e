/**
 * Asks `probe` until `done` accepts its answer, at most `attempts` times
 * `intervalMs` apart, and returns the last answer for the caller to assert
 * on: a bounded wait for something another process does (Cinder, a detached
 * refresh), never a fixed sleep.
 */
export async function pollUntil<T>(
  probe: () => T | Promise<T>,
  done: (value: T) => boolean,
  { attempts = 60, intervalMs = 500 }: { attempts?: number; intervalMs?: number } = {},
): Promise<T> {
  let value = await probe();
  for (let attempt = 1; attempt < attempts && !done(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await probe();
  }
  return value;
}
