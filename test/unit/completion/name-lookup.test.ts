import { readdirSync, utimesSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { NAME_CACHE_TTL_MS, NameCache, REFRESH_CLAIM_TTL_MS } from '../../../src/state/name-cache.js';
import { FIRST_FETCH_TIMEOUT_MS, namesForCompletion, refreshNames } from '../../../src/completion/name-lookup.js';
import { tempDir } from '../helpers/harness.js';

const SCOPE = { endpoint: 'http://cinder.test:8776', projectId: 'p1' };

/**
 * The test's clock: frozen at the moment this file loads (refresh-claim files
 * get that moment's mtime from the file system), moved only by the test.
 */
const START = Date.now();

/** A cache on the test's clock, `offset` ms from START. */
function clockedCache(dir = tempDir('names'), scope = SCOPE) {
  const clock = { offset: 0 };
  const cache = new NameCache(dir, scope, () => START + clock.offset);
  return { cache, clock, dir };
}

function lookupDeps(cache: NameCache, names: string[] | Error = ['fetched']) {
  return {
    cache,
    fetchNames: vi.fn(async () => {
      if (names instanceof Error) throw names;
      return names;
    }),
    startBackgroundRefresh: vi.fn(),
  };
}

describe('names for a TAB', () => {
  it('answers from a fresh cache without asking the cloud', async () => {
    const { cache } = clockedCache();
    await cache.write('volume', ['vol1', 'vol2']);
    const deps = lookupDeps(cache);
    expect(await namesForCompletion('volume', deps)).toEqual(['vol1', 'vol2']);
    expect(deps.fetchNames).not.toHaveBeenCalled();
    expect(deps.startBackgroundRefresh).not.toHaveBeenCalled();
  });

  it('answers a stale cache at once and starts one background refresh for a burst of TABs', async () => {
    const { cache, clock } = clockedCache();
    clock.offset = -(NAME_CACHE_TTL_MS + 1);
    await cache.write('type', ['old-type']);
    clock.offset = 0;
    const deps = lookupDeps(cache);
    const answers = await Promise.all([namesForCompletion('type', deps), namesForCompletion('type', deps), namesForCompletion('type', deps)]);
    expect(answers).toEqual([['old-type'], ['old-type'], ['old-type']]);
    expect(deps.fetchNames).not.toHaveBeenCalled();
    expect(deps.startBackgroundRefresh).toHaveBeenCalledTimes(1);
    expect(deps.startBackgroundRefresh).toHaveBeenCalledWith('type');
  });

  it('starts another refresh when the last one died without releasing its claim', async () => {
    const { cache, clock } = clockedCache();
    clock.offset = -(NAME_CACHE_TTL_MS + 1);
    await cache.write('volume', ['v']);
    clock.offset = 0;
    expect(await cache.claimRefresh('volume')).toBe(true);
    const deps = lookupDeps(cache);
    await namesForCompletion('volume', deps);
    expect(deps.startBackgroundRefresh).not.toHaveBeenCalled();
    // The claim's file is older than a refresh may take: presumed dead.
    const old = (START - REFRESH_CLAIM_TTL_MS - 1000) / 1000;
    utimesSync(`${cache.fileFor('volume')}.refreshing`, old, old);
    await namesForCompletion('volume', deps);
    expect(deps.startBackgroundRefresh).toHaveBeenCalledTimes(1);
  });

  it('with no cache, fetches with the short timeout and stores the names', async () => {
    const { cache } = clockedCache();
    const deps = lookupDeps(cache, ['snap1']);
    expect(await namesForCompletion('snapshot', deps)).toEqual(['snap1']);
    expect(deps.fetchNames).toHaveBeenCalledWith('snapshot', FIRST_FETCH_TIMEOUT_MS);
    expect((await cache.read('snapshot'))?.names).toEqual(['snap1']);
    expect(FIRST_FETCH_TIMEOUT_MS).toBeLessThanOrEqual(1000);
  });

  it('with no cache and a failing cloud, offers nothing and readies the next TAB in the background', async () => {
    const { cache } = clockedCache();
    const deps = lookupDeps(cache, new Error('timed out'));
    expect(await namesForCompletion('host', deps)).toEqual([]);
    expect(deps.startBackgroundRefresh).toHaveBeenCalledWith('host');
  });
});

describe('background refresh', () => {
  it('the background refresh stores the names and releases its claim, also when the fetch fails', async () => {
    const { cache, dir } = clockedCache();
    expect(await cache.claimRefresh('volume')).toBe(true);
    await refreshNames('volume', { cache, fetchNames: async () => ['fresh'] });
    expect((await cache.read('volume'))?.names).toEqual(['fresh']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.refreshing'))).toEqual([]);

    expect(await cache.claimRefresh('type')).toBe(true);
    await expect(refreshNames('type', { cache, fetchNames: async () => Promise.reject(new Error('down')) })).rejects.toThrow('down');
    expect(await cache.claimRefresh('type')).toBe(true);
  });
});
