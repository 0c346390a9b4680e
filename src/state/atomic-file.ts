import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

interface AtomicWriteOptions {
  /** File mode, e.g. 0o600 for anything holding secrets. */
  mode?: number;
  /** Mode of directories created on the way. */
  dirMode?: number;
}

/**
 * Writes `content` so that readers see the old file or the new one, never a
 * partial one, even if the process is killed: write a temp file in the same
 * directory, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: options.dirMode ?? 0o700 });
  // Unique per process and call; 'wx' below refuses to reuse an existing name.
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++tempCounter}.${Date.now().toString(36)}.tmp`);
  const mode = options.mode ?? 0o600;
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content, 'utf8');
    // The umask may have narrowed the mode; secrets files must be exactly `mode`.
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic.
  }
}
