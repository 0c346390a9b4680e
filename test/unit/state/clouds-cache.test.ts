import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CloudsCache } from '../../../src/state/clouds-cache.js';

function cacheDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'ucinder-clouds-cache-')), 'cache');
}

describe('CloudsCache', () => {
  it('gives back what was put under the same key only', async () => {
    const cache = new CloudsCache(cacheDir());
    expect(await cache.get('k1')).toBeUndefined();
    await cache.put('k1', { clouds: { c: { auth: { password: 'pw' } } }, secure: {} });
    expect(await cache.get('k1')).toEqual({ clouds: { c: { auth: { password: 'pw' } } }, secure: {} });
    expect(await cache.get('k2')).toBeUndefined();
    await cache.put('k2', { clouds: {}, secure: {} });
    expect(await cache.get('k1')).toBeUndefined();
  });

  it('holds passwords: the file is 0600 and the directory it creates 0700', async () => {
    const dir = cacheDir();
    const cache = new CloudsCache(dir);
    await cache.put('k', { clouds: {}, secure: {} });
    expect(statSync(cache.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('treats a corrupt file as a miss, and a directory it cannot write as no cache', async () => {
    const cache = new CloudsCache(cacheDir());
    await cache.put('k', { clouds: {}, secure: {} });
    writeFileSync(cache.path, '{"key": "k", "value": ');
    expect(await cache.get('k')).toBeUndefined();
    writeFileSync(cache.path, 'null');
    expect(await cache.get('k')).toBeUndefined();

    const file = join(mkdtempSync(join(tmpdir(), 'ucinder-clouds-cache-')), 'a-file');
    writeFileSync(file, 'not a directory');
    await expect(new CloudsCache(file).put('k', {})).resolves.toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('not a directory');
  });
});
