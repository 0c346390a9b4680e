import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_TTL_MS, DiscoveryCache } from '../../../src/state/discovery-cache.js';
import { BASE_PATH, interceptVersions, newAgent, run, tempDir, type MockPool } from '../helpers/harness.js';

const ROOT = 'http://cinder.test:8776/';
const RANGE = { min: { major: 3, minor: 0 }, max: { major: 3, minor: 68 } };

describe('discovery cache', () => {
  function cacheHome(): string {
    return tempDir('cache');
  }

  /** One invocation of `service list` with its own agent (main closes it), at `now` (default 1 ms). */
  async function serviceList(xdg: string, options: { discover: boolean; now?: number; extraArgs?: string[]; max?: string }) {
    const { agent, pool } = newAgent();
    if (options.discover) interceptVersions(pool, options.max ?? '3.68');
    interceptServices(pool, options.max ?? '3.68');
    const result = await run([...(options.extraArgs ?? []), 'service', 'list'], agent, {
      cache: true,
      env: { XDG_CACHE_HOME: xdg },
      now: () => options.now ?? 1,
    });
    agent.assertNoPendingInterceptors();
    return result;
  }

  function interceptServices(pool: MockPool, version: string) {
    pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET', headers: { 'openstack-api-version': `volume ${version}` } }).reply(200, { services: [] });
  }

  function cacheFiles(xdg: string): string[] {
    return readdirSync(join(xdg, 'ucinder')).map((name) => join(xdg, 'ucinder', name));
  }

  it('skips GET / on the second invocation and keeps using the discovered version', async () => {
    const xdg = cacheHome();
    expect((await serviceList(xdg, { discover: true })).code).toBe(0);
    expect((await serviceList(xdg, { discover: false })).code).toBe(0);
  });

  it('writes one 0600 file holding the root and range', async () => {
    const xdg = cacheHome();
    await serviceList(xdg, { discover: true, now: 5000 });
    const files = cacheFiles(xdg);
    expect(files).toHaveLength(1);
    expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(files[0]!, 'utf8'))).toEqual({ root: ROOT, range: RANGE, fetchedAt: 5000 });
  });

  it('discovers again once the entry is older than the TTL', async () => {
    const xdg = cacheHome();
    const start = 1_000_000;
    await serviceList(xdg, { discover: true, now: start });
    expect((await serviceList(xdg, { discover: false, now: start + DISCOVERY_TTL_MS - 1 })).code).toBe(0);
    // After an upgrade the server offers more; a stale entry must not hide it.
    expect((await serviceList(xdg, { discover: true, now: start + DISCOVERY_TTL_MS, max: '3.70' })).code).toBe(0);
  });

  it('ignores a corrupt file and rewrites it', async () => {
    const xdg = cacheHome();
    await serviceList(xdg, { discover: true, now: 1 });
    const [file] = cacheFiles(xdg);
    writeFileSync(file!, '{"root": "http://cinder.te');
    expect((await serviceList(xdg, { discover: true, now: 2 })).code).toBe(0);
    expect(JSON.parse(readFileSync(file!, 'utf8'))).toEqual({ root: ROOT, range: RANGE, fetchedAt: 2 });
  });

  it('--no-cache neither reads nor writes the cache', async () => {
    const xdg = cacheHome();
    await serviceList(xdg, { discover: true, now: 1 });
    const [file] = cacheFiles(xdg);
    expect((await serviceList(xdg, { discover: true, now: 2, extraArgs: ['--no-cache'] })).code).toBe(0);
    expect(JSON.parse(readFileSync(file!, 'utf8')).fetchedAt).toBe(1);
  });

  it('does not fail the command when the cache directory cannot be written', async () => {
    const xdg = cacheHome();
    writeFileSync(join(xdg, 'ucinder'), 'a file where the directory should be');
    const result = await serviceList(xdg, { discover: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  describe('DiscoveryCache', () => {
    it('keeps entries apart per endpoint root', async () => {
      const dir = cacheHome();
      const cache = new DiscoveryCache(dir, () => 100);
      await cache.put('http://a:8776/', RANGE);
      expect(await cache.get('http://a:8776/')).toEqual(RANGE);
      expect(await cache.get('http://b:8776/')).toBeUndefined();
    });

    it('distrusts an entry from the future (clock moved back)', async () => {
      const dir = cacheHome();
      await new DiscoveryCache(dir, () => 10_000).put(ROOT, RANGE);
      expect(await new DiscoveryCache(dir, () => 9_999).get(ROOT)).toBeUndefined();
    });

    it('rejects a well-formed file with a bad range', async () => {
      const dir = cacheHome();
      const cache = new DiscoveryCache(dir, () => 1);
      await cache.put(ROOT, RANGE);
      const [name] = readdirSync(dir);
      writeFileSync(join(dir, name!), JSON.stringify({ root: ROOT, range: { min: '3.0', max: '3.68' }, fetchedAt: 1 }));
      expect(await cache.get(ROOT)).toBeUndefined();
    });
  });
});
