import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYSTONE, PASSWORD_ENV, PROJECT_ID, TOKEN, catalog, mockCloud, privateHome, runWithCache, tokenBody, tokenFiles } from '../keystone-helpers.js';
import { interceptVersions } from '../../helpers/harness.js';

type Body = { auth: { identity: Record<string, unknown>; scope?: Record<string, unknown> } };

describe('Keystone password auth', () => {
  it('sends the password request, finds block-storage in the catalog and caches the token', async () => {
    const { agent, keystone, cinder } = mockCloud();
    const env = { ...privateHome(), ...PASSWORD_ENV };
    let sent: Body | undefined;
    keystone
      .intercept({ path: '/v3/auth/tokens', method: 'POST', body: (text) => ((sent = JSON.parse(text) as Body), true) })
      .reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    interceptVersions(cinder);
    cinder
      .intercept({ path: `/v3/${PROJECT_ID}/volumes/detail`, method: 'GET', headers: { 'x-auth-token': TOKEN } })
      .reply(200, { volumes: [{ id: 'v1', name: 'vol1', status: 'available', size: 1, attachments: [] }] });

    const first = await runWithCache(['volume', 'list', '-f', 'value', '-c', 'Name'], agent, env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('vol1\n');
    expect(first.code).toBe(0);
    expect(sent).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'Default' }, password: 's3cret-pw' } } },
        scope: { project: { name: 'demo', domain: { name: 'Default' } } },
      },
    });
    const [file, ...others] = tokenFiles(env);
    expect(others).toEqual([]);
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(statSync(join(file!, '..')).mode & 0o777).toBe(0o700);
    const stored = readFileSync(file!, 'utf8');
    expect(stored).toContain(TOKEN);
    expect(stored).not.toContain('s3cret-pw');

    // Second command: no Keystone interceptor left, the cached token is used.
    cinder.intercept({ path: `/v3/${PROJECT_ID}/volumes/detail`, method: 'GET', headers: { 'x-auth-token': TOKEN } }).reply(200, { volumes: [] });
    const second = await runWithCache(['volume', 'list'], agent, env);
    expect(second.code).toBe(0);
    agent.assertNoPendingInterceptors();
  });

  it('re-authenticates once when Cinder rejects a cached token', async () => {
    const { agent, keystone, cinder } = mockCloud();
    const env = { ...privateHome(), ...PASSWORD_ENV };
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': 'old-token' } });
    interceptVersions(cinder);
    cinder.intercept({ path: `/v3/${PROJECT_ID}/volumes/detail`, method: 'GET' }).reply(200, { volumes: [] });
    expect((await runWithCache(['volume', 'list'], agent, env)).code).toBe(0);

    cinder
      .intercept({ path: `/v3/${PROJECT_ID}/volumes/detail`, method: 'GET', headers: { 'x-auth-token': 'old-token' } })
      .reply(401, { error: { code: 401, message: 'The request you have made requires authentication.' } });
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': 'new-token' } });
    cinder.intercept({ path: `/v3/${PROJECT_ID}/volumes/detail`, method: 'GET', headers: { 'x-auth-token': 'new-token' } }).reply(200, { volumes: [] });
    const run = await runWithCache(['volume', 'list'], agent, env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(tokenFiles(env)[0]!, 'utf8')).toContain('new-token');
    agent.assertNoPendingInterceptors();
  });
});

describe('Keystone errors', () => {
  const UNAUTHORIZED = { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } };

  it("reports a wrong password with Keystone's 401 message", async () => {
    const { agent, keystone } = mockCloud();
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(401, UNAUTHORIZED).times(2);
    const run = await runWithCache(['--no-cache', 'volume', 'list'], agent, { ...privateHome(), ...PASSWORD_ENV, OS_PASSWORD: 'wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `ucinder: Keystone at ${KEYSTONE}/v3 rejected user 'demo' (domain Default): The request you have made requires authentication. (HTTP 401); check the credentials and their domain\n`,
    );
    expect(run.stderr).not.toContain('wrong');
  });

  it('tells an unknown project from a wrong password', async () => {
    const { agent, keystone } = mockCloud();
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST', body: (text) => text.includes('"scope"') }).reply(401, UNAUTHORIZED);
    keystone
      .intercept({ path: '/v3/auth/tokens', method: 'POST', body: (text) => !text.includes('"scope"') })
      .reply(201, tokenBody({ project: undefined, catalog: [] }), { headers: { 'x-subject-token': 'unscoped' } });
    const run = await runWithCache(['--no-cache', 'volume', 'list'], agent, { ...privateHome(), ...PASSWORD_ENV, OS_PROJECT_NAME: 'nope' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ucinder: Keystone accepted user 'demo' \(domain Default\) but not the scope project 'nope' \(domain Default\): no such project/);
    agent.assertNoPendingInterceptors();
  });

  it('lists the service types found when the catalog has no block storage', async () => {
    const { agent, keystone } = mockCloud();
    keystone
      .intercept({ path: '/v3/auth/tokens', method: 'POST' })
      .reply(201, tokenBody({ catalog: [catalog()[0], { type: 'compute', endpoints: [{ interface: 'public', url: 'http://nova' }] }] }), {
        headers: { 'x-subject-token': TOKEN },
      });
    const run = await runWithCache(['--no-cache', 'volume', 'list'], agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no block-storage endpoint in the service catalog');
    expect(run.stderr).toContain('service types found: compute, identity');
  });

  it('says when Keystone is unreachable', async () => {
    const { agent, keystone } = mockCloud();
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const run = await runWithCache(['--no-cache', 'volume', 'list'], agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`ucinder: cannot reach Keystone while authenticating: POST ${KEYSTONE}/v3/auth/tokens: connection refused\n`);
  });

  it('finds missing settings before any request', async () => {
    const { agent } = mockCloud();
    const noPassword = await runWithCache(['volume', 'list'], agent, { ...privateHome(), ...PASSWORD_ENV, OS_PASSWORD: '' });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toBe('ucinder: --os-auth-type password needs a password: set --os-password / OS_PASSWORD\n');
    const noUrl = await runWithCache(['--os-auth-type', 'v3applicationcredential', 'volume', 'list'], agent, privateHome());
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain("needs Keystone's URL: set --os-auth-url or OS_AUTH_URL");
  });
});

describe('Keystone endpoint selection and other auth types', () => {
  it('honours --os-interface and --os-region-name, and --os-endpoint overrides the catalog', async () => {
    const { agent, keystone, cinder } = mockCloud();
    const env = { ...privateHome(), ...PASSWORD_ENV };
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    interceptVersions(cinder);
    // The internal endpoint is a bare .../v3: the token's project is added.
    cinder.intercept({ path: `/v3/${PROJECT_ID}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [] });
    const internal = await runWithCache(['--os-interface', 'internal', 'volume', 'type', 'list'], agent, env);
    expect(internal.stderr).toBe('');
    expect(internal.code).toBe(0);

    const wrongRegion = await runWithCache(['--os-region-name', 'RegionTwo', 'volume', 'type', 'list'], agent, env);
    expect(wrongRegion.code).toBe(1);
    expect(wrongRegion.stderr).toContain(
      'no block-storage endpoint for interface public, region RegionTwo in the service catalog; it has: block-storage public in RegionOne, block-storage internal in RegionOne',
    );

    const other = agent.get('http://override.test:8776');
    interceptVersions(other);
    other.intercept({ path: `/v3/${PROJECT_ID}/types?is_public=None`, method: 'GET', headers: { 'x-auth-token': TOKEN } }).reply(200, { volume_types: [] });
    const overridden = await runWithCache(['--os-endpoint', 'http://override.test:8776', 'volume', 'type', 'list'], agent, env);
    expect(overridden.stderr).toBe('');
    expect(overridden.code).toBe(0);
    agent.assertNoPendingInterceptors();
  });

  it('authenticates with an application credential (no scope) and with a token', async () => {
    const { agent, keystone } = mockCloud();
    const bodies: Body[] = [];
    keystone
      .intercept({ path: '/v3/auth/tokens', method: 'POST' })
      .reply((request) => {
        bodies.push(JSON.parse(String(request.body)) as Body);
        return { statusCode: 201, data: tokenBody(), responseOptions: { headers: { 'x-subject-token': TOKEN } } };
      })
      .times(3);
    const base = { ...privateHome(), OS_AUTH_URL: KEYSTONE };
    await runWithCache(['--no-cache', 'token', 'issue'], agent, {
      ...base,
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_APPLICATION_CREDENTIAL_ID: 'ac1',
      OS_APPLICATION_CREDENTIAL_SECRET: 'acs',
      OS_PROJECT_NAME: 'ignored',
    });
    await runWithCache(
      [
        '--no-cache',
        '--os-auth-type',
        'v3applicationcredential',
        '--os-application-credential-name',
        'ac',
        '--os-application-credential-secret',
        'acs',
        '--os-username',
        'demo',
        'token',
        'issue',
      ],
      agent,
      base,
    );
    await runWithCache(['--no-cache', '--os-auth-type', 'v3token', '--os-token', 'tok', '--os-project-id', PROJECT_ID, 'token', 'issue'], agent, base);
    expect(bodies).toEqual([
      { auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac1', secret: 'acs' } } } },
      { auth: { identity: { methods: ['application_credential'], application_credential: { name: 'ac', secret: 'acs', user: { name: 'demo', domain: { id: 'default' } } } } } },
      { auth: { identity: { methods: ['token'], token: { id: 'tok' } }, scope: { project: { id: PROJECT_ID } } } },
    ]);
  });

  it('--debug shows the auth request with the password and tokens redacted', async () => {
    const { agent, keystone } = mockCloud();
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    const run = await runWithCache(['--debug', '--no-cache', 'token', 'issue', '-f', 'value', '-c', 'expires'], agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`REQ: POST ${KEYSTONE}/v3/auth/tokens`);
    expect(run.stderr).toContain('"password":"***"');
    expect(run.stderr).not.toContain('s3cret-pw');
    expect(run.stderr).not.toContain(TOKEN);
    expect(run.stderr).toContain("Keystone issued a token for user 'demo' (domain Default) scoped to project 'demo' (domain Default)");
  });
});
