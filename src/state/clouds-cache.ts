import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';

interface CachedParse {
  key: string;
  value: unknown;
}

/**
 * The last parse of clouds.yaml and secure.yaml, under a key that changes
 * whenever either file does (auth/clouds/clouds-config.ts makes it).
 * Loading the `yaml` package and parsing a typical clouds.yaml (three clouds,
 * an anchor) adds ~20 ms of CPU to an --os-cloud command; reading this JSON
 * instead costs less than the old hand-written parser did (measured, Node 20).
 *
 * It holds passwords: the file is 0600 (a directory it creates, 0700).
 * One file, the last parse: a different key overwrites it. A missing,
 * corrupt or foreign file is a miss; a write that fails is ignored (the
 * command already has its clouds).
 */
export class CloudsCache {
  constructor(private readonly dir: string) {}

  get path(): string {
    return join(this.dir, 'clouds.json');
  }

  async get(key: string): Promise<unknown> {
    try {
      const cached = JSON.parse(await readFile(this.path, 'utf8')) as CachedParse;
      return cached?.key === key ? cached.value : undefined;
    } catch {
      return undefined;
    }
  }

  async put(key: string, value: unknown): Promise<void> {
    const entry: CachedParse = { key, value };
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600, dirMode: 0o700 });
    } catch {
      // A read-only or full cache directory must not break the command itself.
    }
  }
}
