import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { sha256Hex } from './cache-key.js';

interface CachedParse {
  /** SHA-256 of the key. */
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
 * No secret is in it: the parse it is given has them taken out (the places
 * they are in their own files instead), and the key, which holds both
 * files' texts, is stored as its SHA-256. The file is still 0600 (a
 * directory it creates, 0700): it names users, projects and endpoints.
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
      return cached?.key === sha256Hex(key) ? cached.value : undefined;
    } catch {
      return undefined;
    }
  }

  async put(key: string, value: unknown): Promise<void> {
    const entry: CachedParse = { key: sha256Hex(key), value };
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600, dirMode: 0o700 });
    } catch {
      // A read-only or full cache directory must not break the command itself.
    }
  }
}
