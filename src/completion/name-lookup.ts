import type { NameCache } from '../state/name-cache.js';
import type { NameKind } from './name-kinds.js';

/** A TAB with no cache at all waits this long for the cloud, then gives up. */
export const FIRST_FETCH_TIMEOUT_MS = 1000;

interface NameLookupDeps {
  cache: NameCache;
  /** Asks the cloud; must give up (reject) after about `timeoutMs`. */
  fetchNames: (kind: NameKind, timeoutMs: number) => Promise<string[]>;
  /** Starts `completion names <kind> --refresh` detached, not waiting for it. */
  startBackgroundRefresh: (kind: NameKind) => Promise<void> | void;
  firstFetchTimeoutMs?: number;
}

/**
 * The names a TAB offers, as fast as possible: a fresh cache answers alone; a
 * stale one answers at once while a detached process refreshes it; with no
 * cache the cloud gets one short chance, after which a background refresh
 * readies the next TAB. Never throws: a failing cloud means no names.
 */
export async function namesForCompletion(kind: NameKind, deps: NameLookupDeps): Promise<string[]> {
  const { cache } = deps;
  const cached = await cache.read(kind);
  if (cached && cache.isFresh(cached)) return cached.names;
  if (cached) {
    if (await cache.claimRefresh(kind)) await deps.startBackgroundRefresh(kind);
    return cached.names;
  }
  try {
    const names = await deps.fetchNames(kind, deps.firstFetchTimeoutMs ?? FIRST_FETCH_TIMEOUT_MS);
    await cache.write(kind, names);
    return names;
  } catch {
    if (await cache.claimRefresh(kind)) await deps.startBackgroundRefresh(kind);
    return [];
  }
}

/** The background process's work: fetch with the normal timeout, then store. */
export async function refreshNames(kind: NameKind, deps: Pick<NameLookupDeps, 'cache'> & { fetchNames: (kind: NameKind) => Promise<string[]> }): Promise<void> {
  try {
    await deps.cache.write(kind, await deps.fetchNames(kind));
  } finally {
    await deps.cache.releaseRefresh(kind);
  }
}
