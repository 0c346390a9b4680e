import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { keystoneEnv, testbedEnv } from '../support/testbed.js';
import { privateHome, ROOT, ucinder, uniqueName } from '../support/ucinder-process.js';

/**
 * A secret lives only in the file the operator put it in. bin/ucinder runs
 * --os-cloud commands against the real Keystone (password and application
 * credential) and the noauth Cinder (admin_token), cold and warm; then every
 * file it wrote under the cache and state directories is read and searched
 * for each secret of the clouds.yaml and secure.yaml, raw and JSON-escaped.
 * Keystone tokens in the token cache are expected (accepted practice); a
 * password, a secret or the admin token is not.
 */
let ks: Record<string, string> = {};

beforeAll(() => {
  execFileSync('bash', [join(ROOT, 'test/testbed/keystone.sh'), 'up'], { cwd: ROOT, stdio: 'inherit' });
  ks = keystoneEnv();
}, 900_000);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('--os-cloud commands copy no secret under the cache and state directories', () => {
  it('password, application credential and admin_token clouds; every secret key clouds.yaml allows', async () => {
    const bed = testbedEnv();
    const home = privateHome();
    const config = mkdtempSync(join(tmpdir(), 'ucinder-clouds-'));
    const adminToken = bed.OS_TOKEN!;
    // Secrets of a cloud no command uses: the old cache copied every cloud's.
    const unused = {
      client_secret: uniqueName('client-secret'),
      access_token: uniqueName('access-token'),
      passcode: uniqueName('passcode'),
      code: uniqueName('code'),
      consumer_secret: uniqueName('consumer'),
      access_secret: uniqueName('access'),
    };
    const secrets = [ks.OS_PASSWORD!, ks.UCINDER_KEYSTONE_APPCRED_SECRET!, adminToken, ...Object.values(unused)];
    const user = `username: ${ks.OS_USERNAME}, user_domain_name: ${ks.OS_USER_DOMAIN_NAME}`;
    writeFileSync(
      join(config, 'clouds.yaml'),
      `clouds:
  ks:
    auth: {auth_url: ${ks.OS_AUTH_URL}, ${user}, project_name: ${ks.OS_PROJECT_NAME}, project_domain_name: ${ks.OS_PROJECT_DOMAIN_NAME}}
    region_name: ${ks.OS_REGION_NAME}
  appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: ${ks.OS_AUTH_URL}
      username: ${ks.OS_USERNAME}
      user_domain_name: ${ks.OS_USER_DOMAIN_NAME}
      application_credential_name: ${ks.UCINDER_KEYSTONE_APPCRED_NAME}
      application_credential_secret: '${ks.UCINDER_KEYSTONE_APPCRED_SECRET}'
    region_name: ${ks.OS_REGION_NAME}
  bed:
    auth_type: admin_token
    auth: {endpoint: '${bed.OS_ENDPOINT}/v3/${bed.OS_PROJECT_ID}'}
  unused:
    auth_type: v3oidcpassword
    auth: ${JSON.stringify(unused)}
`,
    );
    writeFileSync(
      join(config, 'secure.yaml'),
      `clouds:
  ks:
    auth:
      password: "${ks.OS_PASSWORD}"
  bed:
    auth: {token: '${adminToken}'}
`,
    );
    const env = { ...home, OS_CLIENT_CONFIG_FILE: join(config, 'clouds.yaml'), OS_CLIENT_SECURE_FILE: join(config, 'secure.yaml') };

    const name = uniqueName('it-secrets');
    const runs = [
      ['--os-cloud', 'ks', 'volume', 'list'],
      ['--os-cloud', 'ks', 'volume', 'list'],
      ['--os-cloud', 'appcred', 'volume', 'list'],
      ['--os-cloud', 'bed', 'volume', 'create', '--size', '1', '--wait', name],
      ['--os-cloud', 'bed', 'volume', 'show', name],
      ['--os-cloud', 'bed', 'volume', 'list', '--name', name],
    ];
    try {
      for (const args of runs) {
        const run = await ucinder(args, env);
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
        expect(run.stderr).not.toMatch(/^ucinder: /m);
      }
    } finally {
      expectCleanedUp(await ucinder(['--os-cloud', 'bed', 'volume', 'delete', '--wait', name], env), `volume delete ${name}`);
    }

    const written = [...filesUnder(home.XDG_CACHE_HOME!), ...filesUnder(home.XDG_STATE_HOME!)];
    // The scan reads what the runs wrote: the parse cache and the two Keystone tokens at least.
    expect(written).toContain(join(home.XDG_CACHE_HOME!, 'ucinder', 'clouds.json'));
    expect(written.filter((path) => path.includes('/tokens/'))).toHaveLength(2);
    const leaks = written.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return secrets.flatMap((secret) => [...new Set([secret, JSON.stringify(secret).slice(1, -1)])].filter((form) => text.includes(form)).map((form) => `${path}: ${form}`));
    });
    expect(leaks).toEqual([]);
  }, 600_000);
});
