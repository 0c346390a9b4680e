import { appendFile, chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env } from '../env.js';
import { writeFileAtomic } from './atomic-file.js';
import { stateDir } from './paths.js';

/** The shell's history keeps this many lines; older ones are dropped when the shell starts. */
export const HISTORY_LIMIT = 1000;

export function historyPath(env: Env, chosenStateDir?: string): string {
  return join(stateDir(env, chosenStateDir), 'history');
}

/**
 * The shell's history file: one line per command, oldest first, mode 0600
 * (commands name volumes and projects). Lines are appended as they are run
 * (an O_APPEND write of one short line is not interleaved with another
 * shell's); the file is cut back to `limit` lines, atomically, on load.
 */
export class HistoryFile {
  constructor(
    readonly path: string,
    private readonly limit = HISTORY_LIMIT,
  ) {}

  /** The kept lines, oldest first; [] when there is no file yet. */
  async load(): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines = text.split('\n').filter((line) => line !== '');
    const kept = lines.slice(-this.limit);
    if (kept.length < lines.length) {
      await writeFileAtomic(this.path, `${kept.join('\n')}\n`, { mode: 0o600 });
    } else if (((await stat(this.path)).mode & 0o777) !== 0o600) {
      await chmod(this.path, 0o600);
    }
    return kept;
  }

  async append(line: string): Promise<void> {
    await writeFileAtomicIfMissing(this.path);
    await appendFile(this.path, `${line}\n`, { mode: 0o600 });
  }
}

/** Creates the file (and its 0700 directory) with mode 0600 first, whatever the umask. */
async function writeFileAtomicIfMissing(path: string): Promise<void> {
  try {
    await stat(path);
  } catch {
    await writeFileAtomic(path, '', { mode: 0o600 });
  }
}
