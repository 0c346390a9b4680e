import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keystoneEnv } from '../support/testbed.js';
import { privateHome, ROOT, ucinder, uniqueName } from '../support/ucinder-process.js';

// Keystone path against the real Keystone (Zed) and a keystone-auth cinder-api
// from test/testbed/keystone.sh (started here when not running; the first
// install takes minutes).
let ks: Record<string, string> = {};

/** The OS_* settings of an openrc for the test user (no UCINDER_KEYSTONE_* extras). */
function openrc(): Record<string, string> {
  return Object.fromEntries(Object.entries(ks).filter(([key]) => key.startsWith('OS_')));
}

function tokenFiles(home: Record<string, string>): string[] {
  const dir = join(home.XDG_CACHE_HOME!, 'ucinder', 'tokens');
  try {
    return readdirSync(dir).map((name) => join(dir, name));
  } catch {
    return [];
  }
}

beforeAll(() => {
  execFileSync('bash', [join(ROOT, 'test/testbed/keystone.sh'), 'up'], { cwd: ROOT, stdio: 'inherit' });
  ks = keystoneEnv();
}, 900_000);

describe('Keystone password auth', () => {
  it('creates, lists and deletes a volume through the catalog endpoint, reusing the cached token', async () => {
    const home = privateHome();
    const env = { ...home, ...openrc() };
    const name = uniqueName('keystone-it');
    const created = await ucinder(['volume', 'create', '--size', '1', '--wait', name, '-f', 'value', '-c', 'id'], env);
    expect(created.stderr).not.toMatch(/^ucinder: /m); // --wait reports progress on stderr
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    try {
      const files = tokenFiles(home);
      expect(files).toHaveLength(1);
      expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
      const cached = readFileSync(files[0]!, 'utf8');
      expect(cached).not.toContain(ks.OS_PASSWORD!);
      const cachedToken = JSON.parse(cached).token as string;

      const listed = await ucinder(['--debug', 'volume', 'list', '-f', 'value', '-c', 'ID'], env);
      expect(listed.code).toBe(0);
      expect(listed.stdout.split('\n')).toContain(id);
      expect(listed.stderr).toContain('using the cached Keystone token');
      expect(listed.stderr).not.toContain('/auth/tokens');
      expect(listed.stderr).toContain(`at ${ks.UCINDER_KEYSTONE_CINDER}/v3/`);
      expect(JSON.parse(readFileSync(files[0]!, 'utf8')).token).toBe(cachedToken);
    } finally {
      const deleted = await ucinder(['volume', 'delete', id], env);
      expect(deleted.code).toBe(0);
    }
  });

  it('works with the internal endpoint registered as a bare .../v3', async () => {
    const env = { ...privateHome(), ...openrc(), OS_INTERFACE: 'internal' };
    const run = await ucinder(['--debug', 'volume', 'list'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`using Block Storage API 3\\.\\d+ at ${ks.UCINDER_KEYSTONE_CINDER}/v3/[0-9a-f]{32}\\n`));
  });

  it('token issue prints a token Keystone accepts; token revoke makes Cinder reject it and ucinder re-authenticate', async () => {
    const home = privateHome();
    const env = { ...home, ...openrc() };
    const issued = await ucinder(['token', 'issue', '-f', 'json'], env);
    expect(issued.code).toBe(0);
    const token = JSON.parse(issued.stdout) as Record<string, string>;
    expect(Object.keys(token).sort()).toEqual(['expires', 'id', 'project_id', 'user_id']);
    expect(Date.parse(token.expires!)).toBeGreaterThan(Date.now());

    // Revoke the cached token behind ucinder's back (as another client would):
    // the next command gets 401 from Cinder and authenticates again, once.
    const cachedFile = tokenFiles(home)[0]!;
    const admin = { ...privateHome(), ...openrc(), OS_USERNAME: 'admin', OS_PASSWORD: ks.UCINDER_KEYSTONE_ADMIN_PASSWORD!, OS_PROJECT_NAME: 'admin' };
    const revoked = await ucinder(['token', 'revoke', token.id!], admin);
    expect(revoked.stderr).toBe('');
    expect(revoked.code).toBe(0);
    expect(JSON.parse(readFileSync(cachedFile, 'utf8')).token).toBe(token.id);

    const after = await ucinder(['--debug', 'volume', 'list'], env);
    expect(after.code).toBe(0);
    expect(after.stderr).toMatch(/RESP: 401 .*volumes\/detail/);
    expect(after.stderr).toContain('Keystone issued a token');
    expect(JSON.parse(readFileSync(cachedFile, 'utf8')).token).not.toBe(token.id);
  });
});

describe('other Keystone auth types', () => {
  it('v3applicationcredential by name with the user', async () => {
    const env = {
      ...privateHome(),
      OS_AUTH_URL: ks.OS_AUTH_URL,
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_APPLICATION_CREDENTIAL_NAME: ks.UCINDER_KEYSTONE_APPCRED_NAME,
      OS_APPLICATION_CREDENTIAL_SECRET: ks.UCINDER_KEYSTONE_APPCRED_SECRET,
      OS_USERNAME: ks.OS_USERNAME,
      OS_USER_DOMAIN_NAME: 'Default',
    };
    const run = await ucinder(['volume', 'list', '-f', 'json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
  });

  it('v3token with a token issued by another command', async () => {
    const issued = await ucinder(['--no-cache', 'token', 'issue', '-f', 'value', '-c', 'id'], { ...privateHome(), ...openrc() });
    expect(issued.code).toBe(0);
    const env = {
      ...privateHome(),
      OS_AUTH_URL: ks.OS_AUTH_URL,
      OS_AUTH_TYPE: 'v3token',
      OS_TOKEN: issued.stdout.trim(),
      OS_PROJECT_NAME: ks.OS_PROJECT_NAME,
      OS_PROJECT_DOMAIN_NAME: 'Default',
    };
    const run = await ucinder(['volume', 'type', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('clouds.yaml', () => {
  it('reads a cloud from OS_CLIENT_CONFIG_FILE with secrets in secure.yaml; flags override it', async () => {
    const home = privateHome();
    const clouds = join(home.HOME!, 'clouds.yaml');
    const secure = join(home.HOME!, 'secure.yaml');
    writeFileSync(
      clouds,
      `clouds:
  testbed:
    auth:
      auth_url: ${ks.OS_AUTH_URL}
      username: ${ks.OS_USERNAME}
      project_name: ${ks.OS_PROJECT_NAME}
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: internal
    block_storage_api_version: '3.60'
`,
    );
    writeFileSync(secure, `clouds:\n  testbed:\n    auth:\n      password: "${ks.OS_PASSWORD}"\n`);
    const env = { ...home, OS_CLIENT_CONFIG_FILE: clouds, OS_CLIENT_SECURE_FILE: secure };
    const run = await ucinder(['--os-cloud', 'testbed', '--debug', 'volume', 'list'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`cloud 'testbed' from ${clouds} + ${secure}`);
    expect(run.stderr).toContain(`using Block Storage API 3.60 at ${ks.UCINDER_KEYSTONE_CINDER}/v3/`);
    expect(run.stderr).not.toContain(ks.OS_PASSWORD!);

    const wrong = await ucinder(['--os-cloud', 'testbed', '--os-password', 'wrong-password', 'volume', 'list'], { ...env, OS_CLOUD: 'testbed' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(
      `Keystone at ${ks.OS_AUTH_URL} rejected user '${ks.OS_USERNAME}' (domain Default): The request you have made requires authentication. (HTTP 401)`,
    );

    const missing = await ucinder(['--os-cloud', 'nosuch', 'volume', 'list'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`ucinder: cloud 'nosuch' is not defined in ${clouds} (clouds: testbed)\n`);
  });
});

describe('Keystone errors against the real server', () => {
  it('unknown project, no block-storage endpoint, unreachable Keystone', async () => {
    const base = { ...privateHome(), ...openrc() };
    const project = await ucinder(['--no-cache', 'volume', 'list'], { ...base, OS_PROJECT_NAME: 'no-such-project' });
    expect(project.code).toBe(1);
    expect(project.stderr).toMatch(/Keystone accepted user 'ucinder-user' \(domain Default\) but not the scope project 'no-such-project' \(domain Default\): no such project/);

    const region = await ucinder(['--no-cache', 'volume', 'list'], { ...base, OS_REGION_NAME: 'Atlantis' });
    expect(region.code).toBe(1);
    expect(region.stderr).toContain(
      'no block-storage endpoint for interface public, region Atlantis in the service catalog; it has: block-storage public in RegionOne, block-storage internal in RegionOne',
    );

    const unreachable = await ucinder(['--no-cache', 'volume', 'list'], { ...base, OS_AUTH_URL: 'http://127.0.0.1:5999/v3' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe('ucinder: cannot reach Keystone while authenticating: POST http://127.0.0.1:5999/v3/auth/tokens: connection refused\n');
  });
});
