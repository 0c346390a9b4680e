import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCloud } from '../../../src/auth/clouds/apply-cloud.js';
import { loadCloud, type LoadedCloud } from '../../../src/auth/clouds/clouds-config.js';
import { resolveSettings } from '../../../src/cli/settings.js';
import { UsageError } from '../../../src/errors.js';
import { CloudsCache } from '../../../src/state/clouds-cache.js';
import { configCandidates, readCloudsFiles, type CloudsFiles } from '../../../src/state/clouds-files.js';
import type { Env } from '../../../src/env.js';
import { KEYSTONE, PROJECT_ID, TOKEN, catalog, mockCloud, privateHome, runWithCache, tokenBody } from './keystone-helpers.js';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'ucinder-clouds-'));
}

/** What the factory does, without a cache. */
async function load(name: string, env: Env, cwd: string): Promise<LoadedCloud> {
  return loadCloud(name, await readCloudsFiles(env, cwd));
}

const CLOUDS = `clouds:
  prod:
    auth_type: password
    auth:
      auth_url: http://prod:5000/v3
      username: alice
      project_name: ops
      user_domain_name: Corp
    region_name: RegionTwo
    interface: internal
    block_storage_api_version: "3.55"
    block_storage_endpoint_override: http://cinder-prod:8776
    verify: false
    cacert: /etc/ssl/prod.pem
  other:
    auth:
      auth_url: http://other:5000
`;

describe('clouds.yaml discovery', () => {
  it('looks where openstacksdk looks, OS_CLIENT_CONFIG_FILE first', () => {
    expect(configCandidates('clouds', { HOME: '/home/u', OS_CLIENT_CONFIG_FILE: '/x/c.yaml' }, '/cwd')).toEqual([
      '/x/c.yaml',
      '/cwd/clouds.yaml',
      '/cwd/clouds.yml',
      '/home/u/.config/openstack/clouds.yaml',
      '/home/u/.config/openstack/clouds.yml',
      '/etc/openstack/clouds.yaml',
      '/etc/openstack/clouds.yml',
    ]);
    expect(configCandidates('secure', { HOME: '/home/u', XDG_CONFIG_HOME: '/xdg' }, '/cwd')[2]).toBe('/xdg/openstack/secure.yaml');
  });

  it('prefers the current directory over ~/.config/openstack and merges secure.yaml', async () => {
    const cwd = dir();
    const home = dir();
    mkdirSync(join(home, '.config/openstack'), { recursive: true });
    writeFileSync(join(cwd, 'clouds.yaml'), CLOUDS);
    writeFileSync(join(home, '.config/openstack/clouds.yaml'), 'clouds:\n  prod:\n    auth: {auth_url: http://wrong}\n');
    writeFileSync(join(home, '.config/openstack/secure.yaml'), 'clouds:\n  prod:\n    auth:\n      password: hunter2\n');
    const cloud = await load('prod', { HOME: home }, cwd);
    expect(cloud.files).toEqual([join(cwd, 'clouds.yaml'), join(home, '.config/openstack/secure.yaml')]);
    expect(cloud.config.auth).toEqual({
      auth_url: 'http://prod:5000/v3',
      username: 'alice',
      project_name: 'ops',
      user_domain_name: 'Corp',
      password: 'hunter2',
    });
  });

  it('names the clouds it knows, or the places it looked', async () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'clouds.yaml'), CLOUDS);
    await expect(load('dev', { HOME: dir() }, cwd)).rejects.toThrow(new UsageError(`cloud 'dev' is not defined in ${join(cwd, 'clouds.yaml')} (clouds: prod, other)`));
    const empty = dir();
    await expect(load('dev', { HOME: empty }, empty)).rejects.toThrow(/--os-cloud dev: no clouds.yaml found \(looked for .*clouds.yaml/);
    writeFileSync(join(empty, 'clouds.yaml'), 'clouds:\n  bad: "open\n');
    await expect(load('bad', { HOME: empty }, empty)).rejects.toThrow(new UsageError(`${join(empty, 'clouds.yaml')} line 3: Missing closing "quote`));
  });
});

describe('reading the clouds files', () => {
  it('skips candidates that do not exist, and stops at one it cannot read', async () => {
    const cwd = dir();
    mkdirSync(join(cwd, 'clouds.yaml'));
    await expect(readCloudsFiles({ HOME: dir() }, cwd)).rejects.toThrow(new UsageError(`cannot read ${join(cwd, 'clouds.yaml')}: EISDIR`));
    const other = dir();
    writeFileSync(join(other, 'a-file'), '');
    writeFileSync(join(other, 'clouds.yml'), 'clouds: {}\n');
    // OS_CLIENT_CONFIG_FILE under a plain file (ENOTDIR), then ./clouds.yaml (ENOENT), then ./clouds.yml.
    const files = await readCloudsFiles({ HOME: dir(), OS_CLIENT_CONFIG_FILE: join(other, 'a-file', 'clouds.yaml') }, other);
    expect(files.clouds).toEqual({ path: join(other, 'clouds.yml'), text: 'clouds: {}\n' });
  });
});

describe('applyCloud: flags > variables > clouds.yaml', () => {
  it('fills only what flags and variables left unset', async () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'clouds.yaml'), CLOUDS);
    const cloud = await load('prod', { HOME: dir() }, cwd);
    const settings = resolveSettings({ osCloud: 'prod', osUsername: 'bob' }, { OS_REGION_NAME: 'RegionEnv' });
    const applied = applyCloud(settings, cloud);
    expect(applied.auth).toMatchObject({
      authType: 'password',
      authUrl: 'http://prod:5000/v3',
      username: 'bob',
      projectName: 'ops',
      userDomainName: 'Corp',
      regionName: 'RegionEnv',
      interface: 'internal',
      endpoint: 'http://cinder-prod:8776',
    });
    expect(applied.volumeApiVersion).toBe('3.55');
    expect(applied.insecure).toBe(true);
    expect(applied.cacertFile).toBe('/etc/ssl/prod.pem');
    expect(settings.cloud).toBe('prod');
  });

  it('refuses a v2 block_storage_api_version', () => {
    const settings = resolveSettings({}, {});
    expect(() => applyCloud(settings, { name: 'old', config: { block_storage_api_version: 2 }, files: [] })).toThrow(/not supported.*Block Storage 3/);
  });
});

describe('--os-cloud end to end (mocked Keystone)', () => {
  it('authenticates with the cloud from OS_CLIENT_CONFIG_FILE and uses its region and interface', async () => {
    const home = privateHome();
    const file = join(home.HOME, 'clouds.yaml');
    writeFileSync(
      file,
      `clouds:
  mock:
    auth:
      auth_url: ${KEYSTONE}
      username: demo
      password: pw
      project_id: ${PROJECT_ID}
    interface: internal
`,
    );
    const { agent, keystone, cinder } = mockCloud();
    let body = '';
    keystone
      .intercept({ path: '/v3/auth/tokens', method: 'POST', body: (text) => ((body = text), true) })
      .reply(201, tokenBody({ catalog: catalog() }), { headers: { 'x-subject-token': TOKEN } });
    cinder.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] });
    cinder.intercept({ path: `/v3/${PROJECT_ID}/volumes/detail`, method: 'GET' }).reply(200, { volumes: [] });
    const run = await runWithCache(['--os-cloud', 'mock', 'volume', 'list'], agent, { ...home, OS_CLIENT_CONFIG_FILE: file });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(body)).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'demo', domain: { id: 'default' }, password: 'pw' } } },
        scope: { project: { id: PROJECT_ID } },
      },
    });
    agent.assertNoPendingInterceptors();
  });
});

describe('the parse cache: a warm --os-cloud command does not parse YAML', () => {
  const files = (clouds: string, secure?: string): CloudsFiles => ({
    clouds: { path: '/x/clouds.yaml', text: clouds },
    secure: secure === undefined ? undefined : { path: '/x/secure.yaml', text: secure },
    cloudsCandidates: ['/x/clouds.yaml'],
  });
  const CLOUD_C = 'clouds:\n  c:\n    region_name: One\n';

  it('serves unchanged files from the cache, and parses again when either file changes', async () => {
    const cache = new CloudsCache(dir());
    await loadCloud('c', files(CLOUD_C, ''), cache);
    // Tamper with the cached parse: what comes back shows where it came from.
    const cached = JSON.parse(readFileSync(cache.path, 'utf8'));
    cached.value.clouds.c.region_name = 'FromCache';
    writeFileSync(cache.path, JSON.stringify(cached));
    expect((await loadCloud('c', files(CLOUD_C, ''), cache)).config).toEqual({ region_name: 'FromCache' });
    expect((await loadCloud('c', files(CLOUD_C, 'clouds: {c: {interface: admin}}'), cache)).config).toEqual({
      region_name: 'One',
      interface: 'admin',
    });
    expect((await loadCloud('c', files(CLOUD_C.replace('One', 'Two'), 'clouds: {c: {interface: admin}}'), cache)).config).toEqual({ region_name: 'Two', interface: 'admin' });
  });

  it('parses again when the cached value is not a parse of clouds', async () => {
    const cache = { get: async () => ({ clouds: { c: 'not a mapping' }, secure: {} }), put: async () => undefined };
    expect((await loadCloud('c', files(CLOUD_C), cache)).config).toEqual({ region_name: 'One' });
  });

  it('is written 0600 by --os-cloud commands, and neither read nor written with --no-cache', async () => {
    const home = privateHome();
    const file = join(home.HOME, 'clouds.yaml');
    writeFileSync(file, 'clouds:\n  mock:\n    auth_type: noauth\n    auth: {endpoint: "http://cinder.test:8776/v3", project_id: p1}\n');
    const cachePath = join(home.XDG_CACHE_HOME!, 'ucinder', 'clouds.json');
    const env = { ...home, OS_CLIENT_CONFIG_FILE: file };
    const { agent, cinder } = mockCloud();
    const versions = { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] };
    cinder.intercept({ path: '/', method: 'GET' }).reply(300, versions).times(2);
    cinder.intercept({ path: '/v3/volumes/detail', method: 'GET' }).reply(200, { volumes: [] }).times(2);

    expect(await runWithCache(['--no-cache', '--os-cloud', 'mock', 'volume', 'list'], agent, env)).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(cachePath)).toBe(false);
    expect(await runWithCache(['--os-cloud', 'mock', 'volume', 'list'], agent, env)).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(cachePath).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(cachePath, 'utf8')).value.clouds.mock).toEqual({
      auth_type: 'noauth',
      auth: { endpoint: 'http://cinder.test:8776/v3', project_id: 'p1' },
    });
    agent.assertNoPendingInterceptors();
  });
});
