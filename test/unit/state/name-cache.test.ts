import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NameCache, nameScope } from '../../../src/state/name-cache.js';
import { tempDir } from '../helpers/harness.js';

const SCOPE = { endpoint: 'http://cinder.test:8776', projectId: 'p1' };

describe('name cache', () => {
  it('treats a corrupt cache file as no cache', async () => {
    const cache = new NameCache(tempDir('names'), SCOPE);
    writeFileSync(cache.fileFor('volume'), '{"kind":"volume","names":[1,2]', { flag: 'w' });
    expect(await cache.read('volume')).toBeUndefined();
  });

  it('keeps clouds and projects apart', async () => {
    const dir = tempDir('names-scope');
    const a = new NameCache(dir, SCOPE);
    const b = new NameCache(dir, { ...SCOPE, projectId: 'p2' });
    await a.write('volume', ['only-in-p1']);
    expect(await b.read('volume')).toBeUndefined();
    expect(a.fileFor('volume')).not.toBe(b.fileFor('volume'));
    expect((await a.read('volume'))?.names).toEqual(['only-in-p1']);
  });

  it('scopes by everything that names a cloud and project, but not by secrets', () => {
    const dir = tempDir('names-scope');
    const fileOf = (settings: Parameters<typeof nameScope>[0]) => new NameCache(dir, nameScope(settings)).fileFor('volume');
    const base = { auth: { authUrl: 'http://keystone:5000/v3', username: 'ops', projectName: 'admin', password: 'one', token: 't1' } };
    expect(fileOf({ auth: { ...base.auth, password: 'two', token: 't2' } })).toBe(fileOf(base));
    expect(fileOf({ auth: { ...base.auth, projectName: 'demo' } })).not.toBe(fileOf(base));
    expect(fileOf({ ...base, cloud: 'other' })).not.toBe(fileOf(base));
    expect(nameScope(base)).not.toHaveProperty('password');
    expect(nameScope(base)).not.toHaveProperty('token');
  });
});
