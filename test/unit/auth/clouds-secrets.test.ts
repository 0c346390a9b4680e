import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSecret, separateSecrets } from '../../../src/auth/clouds/cloud-secrets.js';
import { loadCloud } from '../../../src/auth/clouds/clouds-config.js';
import { parseYamlWithScalars } from '../../../src/auth/clouds/parse-yaml-file.js';
import { CloudsCache } from '../../../src/state/clouds-cache.js';
import type { CloudsFiles } from '../../../src/state/clouds-files.js';
import { tempDir } from '../helpers/harness.js';
import { catalog, CINDER, KEYSTONE, mockCloud, PROJECT_ID, runWithCache, TOKEN, tokenBody } from './keystone-helpers.js';

/**
 * A secret lives only in the file the operator put it in: the parsed
 * clouds.yaml cache keeps where each secret is, never the secret.
 */

/** Every secret key keystoneauth knows, in clouds.yaml and in secure.yaml, written in every way YAML allows. */
const CLOUDS_YAML = `defaults: &defaults
  auth:
    password: anchored-pw-A1
clouds:
  plain:
    auth: {auth_url: http://k:5000/v3, username: u, password: plain-pw-B2}
    region_name: One
  quoted:
    auth:
      password: 'single ''quoted'' pw-C3'
      token: "double \\"quoted\\" token-D4"
      application_credential_secret: !!str 12_345_678_901
  merged:
    <<: *defaults
    region_name: Two
  awkward:
    auth:
      password: "escaped \\x41 pw-F6"
      token: >-
        folded over
        two lines-G7
      passcode: 12345678
      client-secret: dashed-client-secret-H8
      access_token: access-token-I9
      code: oidc-code-J10
      consumer_secret: consumer-secret-K11
      access_secret: access-secret-L12
  listed:
    auth:
      password: [list-pw-M13]
`;
const SECURE_YAML = `clouds:
  plain:
    auth:
      application_credential_secret: secure-secret-N14
    regions: [secure-region-O15]
  quoted:
    auth: {password: "secure quoted pw-P16"}
`;
const SECRETS = [
  'anchored-pw-A1',
  'plain-pw-B2',
  "single 'quoted' pw-C3",
  'double "quoted" token-D4',
  '12_345_678_901',
  'escaped A pw-F6',
  'folded over two lines-G7',
  '12345678',
  'dashed-client-secret-H8',
  'access-token-I9',
  'oidc-code-J10',
  'consumer-secret-K11',
  'access-secret-L12',
  'list-pw-M13',
  'secure-secret-N14',
  'secure-region-O15',
  'secure quoted pw-P16',
];

function files(clouds = CLOUDS_YAML, secure = SECURE_YAML): CloudsFiles {
  return { clouds: { path: '/x/clouds.yaml', text: clouds }, secure: { path: '/x/secure.yaml', text: secure }, cloudsCandidates: [] };
}

/** The text of every file under `dir`, by path. */
function filesUnder(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else found.set(path, readFileSync(path, 'utf8'));
  };
  walk(dir);
  return found;
}

/** Each secret found in any of the files, raw or as JSON writes it (quotes and backslashes escaped). */
function secretsIn(texts: Map<string, string>, secrets: string[]): string[] {
  const leaks: string[] = [];
  for (const [path, text] of texts) {
    for (const secret of secrets) {
      for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
        if (text.includes(form)) leaks.push(`${path}: ${form}`);
      }
    }
  }
  return leaks;
}

describe('the clouds.yaml parse cache holds no secret', () => {
  const CLOUDS = ['plain', 'quoted', 'merged', 'awkward', 'listed'];

  it('a warm load gives back every secret, read from its own file, and the cache file has none of them', async () => {
    const cold = await Promise.all(CLOUDS.map((name) => loadCloud(name, files())));
    const cache = new CloudsCache(tempDir('clouds-secrets'));
    await loadCloud('plain', files(), cache);
    const warm = await Promise.all(CLOUDS.map((name) => loadCloud(name, files(), cache)));
    expect(warm).toEqual(cold);
    expect(cold.find((cloud) => cloud.name === 'plain')!.config).toEqual({
      auth: { auth_url: 'http://k:5000/v3', username: 'u', password: 'plain-pw-B2', application_credential_secret: 'secure-secret-N14' },
      region_name: 'One',
      regions: ['secure-region-O15'],
    });
    expect(cold.find((cloud) => cloud.name === 'awkward')!.config.auth).toMatchObject({ token: 'folded over two lines-G7', passcode: 12345678 });

    const cached = readFileSync(cache.path, 'utf8');
    expect(secretsIn(new Map([[cache.path, cached]]), SECRETS)).toEqual([]);
    // What is left: the clouds without their secrets (the test would pass on an empty file otherwise).
    expect(JSON.parse(cached).value.clouds.plain).toEqual({ auth: { auth_url: 'http://k:5000/v3', username: 'u' }, region_name: 'One' });
    expect(JSON.parse(cached).value.secure.plain).toEqual({ auth: {}, regions: [null] });
  });

  it('finds where each readable secret is, so that reading it needs no parser; the others are parsed when needed', async () => {
    const { value, scalars } = await parseYamlWithScalars('/x/clouds.yaml', CLOUDS_YAML);
    const clouds = (value as { clouds: Record<string, Record<string, never>> }).clouds;
    const { places } = separateSecrets('clouds', CLOUDS_YAML, clouds, scalars);
    const where = Object.fromEntries(places.map((place) => [`${place.cloud}.${place.path.join('.')}`, place.at?.reading ?? 'parse']));
    expect(where).toEqual({
      'plain.auth.password': 'plain',
      'quoted.auth.password': 'single',
      'quoted.auth.token': 'double',
      'quoted.auth.application_credential_secret': 'text',
      'merged.auth.password': 'plain',
      // \x41 is not a JSON escape; a folded scalar spans lines; a list is no scalar.
      'awkward.auth.password': 'parse',
      'awkward.auth.token': 'parse',
      'awkward.auth.passcode': 'plain',
      'awkward.auth.client-secret': 'plain',
      'awkward.auth.access_token': 'plain',
      'awkward.auth.code': 'plain',
      'awkward.auth.consumer_secret': 'plain',
      'awkward.auth.access_secret': 'plain',
      'listed.auth.password': 'parse',
    });
    const refuseToParse = async (): Promise<never> => {
      throw new Error('parsed although the place was known');
    };
    const quotedToken = places.find((place) => place.cloud === 'quoted' && place.path.at(-1) === 'token')!;
    expect(await readSecret(quotedToken, CLOUDS_YAML, refuseToParse)).toBe('double "quoted" token-D4');
    const folded = places.find((place) => place.cloud === 'awkward' && place.path.at(-1) === 'token')!;
    expect(await readSecret(folded, CLOUDS_YAML, async () => clouds)).toBe('folded over two lines-G7');
  });

  it('reads a changed secret from the changed file, never an old one', async () => {
    const cache = new CloudsCache(tempDir('clouds-secrets'));
    await loadCloud('plain', files(), cache);
    // Same length, same place: the key (both texts) still changes, so the cache misses.
    const rotated = CLOUDS_YAML.replace('plain-pw-B2', 'plain-pw-B3');
    expect((await loadCloud('plain', files(rotated), cache)).config.auth).toMatchObject({ password: 'plain-pw-B3' });
    expect((await loadCloud('plain', files(rotated), cache)).config.auth).toMatchObject({ password: 'plain-pw-B3' });
  });
});

describe('--os-cloud commands leave no secret under the cache and state directories', () => {
  it('password, application credential and admin_token clouds, cold and warm: every file ucinder wrote is scanned', async () => {
    const home = tempDir('clouds-secrets-home');
    const config = tempDir('clouds-secrets-config');
    const env = {
      HOME: home,
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_STATE_HOME: join(home, 'state'),
      OS_CLIENT_CONFIG_FILE: join(config, 'clouds.yaml'),
      OS_CLIENT_SECURE_FILE: join(config, 'secure.yaml'),
    };
    const secrets = {
      password: 'pw-Q17-"quoted"',
      appSecret: 'app-secret-R18',
      token: 'admin-token-S19',
      other: ['client-secret-T20', 'passcode-U21', 'access-token-V22'],
    };
    writeFileSync(
      env.OS_CLIENT_CONFIG_FILE,
      `clouds:
  pw:
    auth: {auth_url: ${KEYSTONE}/v3, username: demo, project_id: ${PROJECT_ID}, user_domain_name: Default}
  appcred:
    auth_type: v3applicationcredential
    auth: {auth_url: ${KEYSTONE}/v3, application_credential_id: ac1, application_credential_secret: ${secrets.appSecret}}
  tok:
    auth_type: admin_token
    auth: {endpoint: ${CINDER}/v3/${PROJECT_ID}}
  oidc:
    auth_type: v3oidcpassword
    auth: {client_secret: ${secrets.other[0]}, passcode: ${secrets.other[1]}, access_token: ${secrets.other[2]}}
`,
    );
    writeFileSync(
      env.OS_CLIENT_SECURE_FILE,
      `clouds:
  pw: {auth: {password: '${secrets.password}'}}
  tok: {auth: {token: ${secrets.token}}}
`,
    );
    const { agent, keystone, cinder } = mockCloud();
    // One authentication per Keystone cloud: the second pw command uses the cached token (no stub is left for another).
    const bodies: unknown[] = [];
    const keystoneToken = (method: string) =>
      keystone.intercept({ path: '/v3/auth/tokens', method: 'POST', body: (text) => JSON.parse(text).auth.identity.methods[0] === method }).reply(
        201,
        (request) => {
          bodies.push(JSON.parse(String(request.body)).auth.identity);
          return tokenBody({ methods: [method], catalog: catalog() });
        },
        { headers: { 'x-subject-token': TOKEN } },
      );
    keystoneToken('password');
    keystoneToken('application_credential');
    cinder
      .intercept({ path: '/', method: 'GET' })
      .reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] })
      .persist();
    cinder
      .intercept({ path: `/v3/${PROJECT_ID}/volumes/detail`, method: 'GET' })
      .reply(200, { volumes: [] })
      .times(4);

    for (const cloud of ['pw', 'pw', 'appcred', 'tok']) {
      const run = await runWithCache(['--os-cloud', cloud, 'volume', 'list'], agent, env);
      expect([run.code, run.stderr], cloud).toEqual([0, '']);
    }
    // The secrets did reach Keystone, read back from their files.
    expect(bodies).toEqual([
      { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'Default' }, password: secrets.password } } },
      { methods: ['application_credential'], application_credential: { id: 'ac1', secret: secrets.appSecret } },
    ]);

    const written = new Map([...filesUnder(env.XDG_CACHE_HOME), ...(statSafe(env.XDG_STATE_HOME) ? filesUnder(env.XDG_STATE_HOME) : [])]);
    // The parse cache and two Keystone tokens at least: the scan has something to read.
    expect([...written.keys()].map((path) => path.slice(home.length))).toEqual(
      expect.arrayContaining(['/cache/ucinder/clouds.json', expect.stringMatching(/^\/cache\/ucinder\/tokens\/\w+\.json$/)]),
    );
    expect(secretsIn(written, [secrets.password, secrets.appSecret, secrets.token, ...secrets.other])).toEqual([]);
  });
});

function statSafe(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
