import { open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { settingsKey } from './cache-key.js';

/** Names this young are served without asking the cloud. */
export const NAME_CACHE_TTL_MS = 30_000;
/** A background refresh claimed longer ago than this is presumed dead. */
export const REFRESH_CLAIM_TTL_MS = 15_000;

/**
 * Which cloud, project and user the names belong to (endpoint, auth URL,
 * project id or name, cloud name, …); the cache never mixes two. Secrets are
 * left out: they do not name a scope and must not shape file names.
 */
type NameScope = Readonly<Record<string, string | undefined>>;

const SECRET_FIELDS = new Set(['token', 'password', 'applicationCredentialSecret']);

/** The scope of a command's resolved settings (auth fields plus --os-cloud). */
export function nameScope(settings: { auth: object; cloud?: string }): NameScope {
  const scope: Record<string, string | undefined> = { cloud: settings.cloud };
  for (const [field, value] of Object.entries(settings.auth)) {
    if (!SECRET_FIELDS.has(field) && typeof value === 'string') scope[field] = value;
  }
  return scope;
}

interface CachedNames {
  names: string[];
  fetchedAt: number;
}

interface CacheFile extends CachedNames {
  kind: string;
  scope: string;
}

/**
 * Resource names for shell completion, one small JSON file per cloud scope
 * and kind under the cache directory. Anything unreadable counts as absent:
 * completion must never fail because of its cache.
 */
export class NameCache {
  private readonly scopeKey: string;

  constructor(
    private readonly dir: string,
    scope: NameScope,
    private readonly now: () => number = Date.now,
  ) {
    this.scopeKey = settingsKey(scope);
  }

  fileFor(kind: string): string {
    return join(this.dir, `completion-${this.scopeKey}-${kind}.json`);
  }

  async read(kind: string): Promise<CachedNames | undefined> {
    try {
      const file = JSON.parse(await readFile(this.fileFor(kind), 'utf8')) as CacheFile;
      if (file.kind !== kind || file.scope !== this.scopeKey || typeof file.fetchedAt !== 'number') return undefined;
      if (!Array.isArray(file.names) || !file.names.every((name) => typeof name === 'string')) return undefined;
      return { names: file.names, fetchedAt: file.fetchedAt };
    } catch {
      return undefined;
    }
  }

  isFresh(entry: CachedNames, ttlMs = NAME_CACHE_TTL_MS): boolean {
    const age = this.now() - entry.fetchedAt;
    return age >= 0 && age < ttlMs;
  }

  async write(kind: string, names: string[]): Promise<void> {
    const file: CacheFile = { kind, scope: this.scopeKey, names, fetchedAt: this.now() };
    try {
      // Names are the project's own data: readable by the user only.
      await writeFileAtomic(this.fileFor(kind), `${JSON.stringify(file)}\n`, { mode: 0o600 });
    } catch {
      // A read-only or full cache directory only costs the next TAB a fetch.
    }
  }

  /**
   * Claims the one background refresh of `kind` (a marker file created
   * exclusively), so a burst of TABs on a stale cache starts one process, not one each.
   */
  async claimRefresh(kind: string): Promise<boolean> {
    const marker = this.markerFor(kind);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await (await open(marker, 'wx', 0o600)).close();
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
        const claimedAt = await stat(marker).then(
          (info) => info.mtimeMs,
          () => undefined,
        );
        if (claimedAt !== undefined && this.now() - claimedAt < REFRESH_CLAIM_TTL_MS) return false;
        await unlink(marker).catch(() => undefined);
      }
    }
    return false;
  }

  async releaseRefresh(kind: string): Promise<void> {
    await unlink(this.markerFor(kind)).catch(() => undefined);
  }

  private markerFor(kind: string): string {
    return `${this.fileFor(kind)}.refreshing`;
  }
}
