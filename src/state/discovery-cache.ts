import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { cacheKey } from './cache-key.js';

/** Long enough to cover a shell script's burst of commands, short enough to notice an upgrade. */
export const DISCOVERY_TTL_MS = 10 * 60 * 1000;

/**
 * A microversion range as the cache stores it. The same shape as api's
 * VersionRange, declared here because state/ sits below api/ (the factory
 * hands api's ranges in and gets them back; TypeScript checks the shapes match).
 */
export interface VersionRange {
  min: { major: number; minor: number };
  max: { major: number; minor: number };
}

interface CachedDiscovery {
  root: string;
  range: VersionRange;
  fetchedAt: number;
}

/**
 * Remembers each endpoint's microversion range on disk, one small file per
 * endpoint root, so repeated invocations skip the `GET /` round trip.
 * A missing, stale or corrupt file simply means "discover again".
 */
export class DiscoveryCache {
  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = DISCOVERY_TTL_MS,
  ) {}

  async get(root: string): Promise<VersionRange | undefined> {
    try {
      const cached = JSON.parse(await readFile(this.fileFor(root), 'utf8')) as CachedDiscovery;
      const age = this.now() - cached.fetchedAt;
      if (cached.root !== root || !(age >= 0 && age < this.ttlMs) || !isRange(cached.range)) return undefined;
      return cached.range;
    } catch {
      return undefined;
    }
  }

  async put(root: string, range: VersionRange): Promise<void> {
    const entry: CachedDiscovery = { root, range, fetchedAt: this.now() };
    try {
      await writeFileAtomic(this.fileFor(root), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch {
      // A read-only or full cache directory must not break the command itself.
    }
  }

  private fileFor(root: string): string {
    return join(this.dir, `discovery-${cacheKey(root)}.json`);
  }
}

function isRange(value: unknown): value is VersionRange {
  const range = value as VersionRange | undefined;
  return typeof range?.min?.major === 'number' && typeof range.min.minor === 'number' && typeof range.max?.major === 'number' && typeof range.max.minor === 'number';
}
