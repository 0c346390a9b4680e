import { expiresSoon } from './token-expiry.js';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { settingsKey } from './cache-key.js';

/** A catalog entry as ucinder keeps it: only what endpoint selection needs. */
export interface CachedService {
  type: string;
  name?: string;
  endpoints: { interface: string; region?: string; url: string }[];
}

/** One Keystone token with what came with it. Never holds a password or secret. */
export interface CachedToken {
  authUrl: string;
  token: string;
  /** ISO 8601, as Keystone's expires_at. */
  expiresAt: string;
  issuedAt?: string;
  userId?: string;
  userName?: string;
  projectId?: string;
  projectName?: string;
  domainId?: string;
  /** "all" for a system-scoped token. */
  system?: string;
  catalog: CachedService[];
}

/**
 * Keystone tokens on disk (<cache dir>/tokens/<hash>.json, 0600, directory
 * 0700), so consecutive commands skip Keystone. The file name is a hash of
 * every auth setting, secrets included: another password, user or project is
 * another file, and a file reveals nothing about the credentials. Missing,
 * expired, corrupt or foreign files are misses; the next put rewrites them.
 */
export class TokenCache {
  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cache key of a set of auth settings (values of any JSON shape). */
  static keyFor(settings: Record<string, unknown>): string {
    return settingsKey(settings);
  }

  pathFor(key: string): string {
    return join(this.dir, 'tokens', `${key}.json`);
  }

  /** A token still valid beyond the margin, or undefined. */
  async get(key: string): Promise<CachedToken | undefined> {
    let entry: CachedToken;
    try {
      entry = JSON.parse(await readFile(this.pathFor(key), 'utf8')) as CachedToken;
    } catch {
      return undefined;
    }
    if (!isCachedToken(entry)) return undefined;
    return expiresSoon(entry.expiresAt, this.now()) ? undefined : entry;
  }

  async put(key: string, entry: CachedToken): Promise<void> {
    try {
      await writeFileAtomic(this.pathFor(key), `${JSON.stringify(entry)}\n`, { mode: 0o600, dirMode: 0o700 });
    } catch {
      // A read-only or full cache directory must not break the command itself.
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathFor(key)).catch(() => undefined);
  }
}

function isCachedToken(value: unknown): value is CachedToken {
  const entry = value as CachedToken | undefined;
  return typeof entry?.token === 'string' && entry.token !== '' && typeof entry.expiresAt === 'string' && typeof entry.authUrl === 'string' && Array.isArray(entry.catalog);
}
