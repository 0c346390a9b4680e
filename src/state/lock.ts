import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { UcinderError } from '../errors.js';

/**
 * A lock file per resource, for read-modify-write across processes.
 *
 * Why a hand-made lock: Node has no flock(2)/fcntl binding, and no lock
 * package is installed. Creating the file with O_CREAT|O_EXCL ("wx") is
 * atomic on local file systems (and on NFSv3+), so exactly one process wins.
 * The winner writes "pid host token" into it.
 *
 * A lock whose owner died (SIGKILL, power loss of a container) would block
 * everyone forever, so a waiter breaks a lock when
 * - it names this host and a pid that does not exist (any pid that exists,
 *   even a reused one, counts as the owner), or
 * - it does not read as "pid host token" (empty: the owner was killed between
 *   create and write) and was last modified more than 5 s ago.
 * Nothing else is judged stale: a lock of a live pid on this host, or of any
 * pid on another host (which we cannot check), is waited for until the
 * timeout, which fails naming the owner. Holding a lock long never loses it;
 * stalling for over 5 s between creating the file and writing into it does.
 * Breaking goes through rename-aside + compare: we delete the file we moved
 * only if it still holds what we judged stale, and link anything else back.
 * Two narrow races remain: a fresh lock moved aside while still empty looks
 * like a stale empty one and is deleted, and a lock moved aside is lost when
 * yet another process created the file before the link back. Both need
 * several waiters breaking the same stale lock at the same moment.
 */

class LockTimeoutError extends UcinderError {
  override name = 'LockTimeoutError';
}

export interface LockOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Is this pid alive on this host? (tests substitute it) */
  isAlive?: (pid: number) => boolean;
}

interface HeldLock {
  readonly path: string;
  release(): Promise<void>;
}

const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
/** An empty lock file older than this was left by a process killed mid-create. */
const EMPTY_LOCK_GRACE_MS = 5_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Owner {
  pid: number;
  host: string;
  token: string;
}

function parseOwner(text: string): Owner | undefined {
  const [pid, host, token] = text.trim().split(' ');
  if (!pid || !host || !token || !/^\d+$/.test(pid)) return undefined;
  return { pid: Number(pid), host, token };
}

export async function acquireLock(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const isAlive = options.isAlive ?? processAlive;
  const deadline = now() + (options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
  const token = randomBytes(8).toString('hex');
  const content = `${process.pid} ${hostname()} ${token}\n`;
  let delay = 5;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(content, 'utf8');
      } finally {
        await handle.close();
      }
      return { path, release: () => releaseLock(path, content) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readFile(path, 'utf8').catch(() => undefined);
    if (holder !== undefined && (await isStale(path, holder, isAlive, now))) {
      await breakStaleLock(path, holder);
      continue;
    }
    if (now() >= deadline) {
      const owner = holder ? parseOwner(holder) : undefined;
      throw new LockTimeoutError(
        `timed out waiting for the lock ${path}` + (owner ? ` held by pid ${owner.pid} on ${owner.host}` : '') + '; remove it if no ucinder process is running',
      );
    }
    // Jitter keeps a crowd of waiters from retrying in lockstep.
    await sleep(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 100);
  }
}

async function isStale(path: string, holder: string, isAlive: (pid: number) => boolean, now: () => number): Promise<boolean> {
  const owner = parseOwner(holder);
  if (owner) return owner.host === hostname() && !isAlive(owner.pid);
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && now() - info.mtimeMs > EMPTY_LOCK_GRACE_MS;
}

async function breakStaleLock(path: string, staleContent: string): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else broke it first
  }
  const grabbed = await readFile(aside, 'utf8').catch(() => undefined);
  if (grabbed !== staleContent) {
    // Another waiter broke the stale lock and took a fresh one in between: give it back.
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function releaseLock(path: string, content: string): Promise<void> {
  // Only remove our own lock: if we stalled between creating and writing it, a
  // waiter may have broken it (see above) and the file is now another process's.
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) await unlink(path).catch(() => undefined);
}

/** Runs `work` holding the lock; always releases it. */
export async function withLock<T>(path: string, work: () => Promise<T>, options?: LockOptions): Promise<T> {
  const lock = await acquireLock(path, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
