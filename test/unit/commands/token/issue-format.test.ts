import { describe, expect, it } from 'vitest';
import { pythonExpires } from '../../../../src/cli/views/token.js';
import { PASSWORD_ENV, TOKEN, USER_ID, mockCloud, privateHome, runWithCache, tokenBody } from '../../auth/keystone-helpers.js';

/** Issues one token whose body Keystone answers with `token` fields replaced, and prints it as JSON. */
async function issue(env: Record<string, string>, token: Record<string, unknown>) {
  const { agent, keystone } = mockCloud();
  keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, { token }, { headers: { 'x-subject-token': TOKEN } });
  const result = await runWithCache(['--no-cache', 'token', 'issue', '-f', 'json'], agent, { ...privateHome(), ...env });
  expect(result.code, result.stderr).toBe(0);
  agent.assertNoPendingInterceptors();
  return JSON.parse(result.stdout) as Record<string, string>;
}

const { OS_PROJECT_NAME: _project, OS_PROJECT_DOMAIN_NAME: _projectDomain, ...USER_ENV } = PASSWORD_ENV;

describe('token issue', () => {
  it('a domain-scoped token: domain_id, expires, id, user_id (openstack identity/v3 IssueToken, keys sorted)', async () => {
    const { project: _none, ...body } = tokenBody({ expires_at: '2030-01-02T03:04:05.000000Z', domain: { id: 'default', name: 'Default' } }).token;
    const shown = await issue({ ...USER_ENV, OS_DOMAIN_NAME: 'Default' }, body);
    expect(Object.keys(shown)).toEqual(['domain_id', 'expires', 'id', 'user_id']);
    expect(shown).toEqual({ domain_id: 'default', expires: '2030-01-02T03:04:05+0000', id: TOKEN, user_id: USER_ID });
  });

  it("a system-scoped token: system 'all' and no project (as `openstack --os-system-scope all token issue` on the test bed)", async () => {
    const { project: _none, ...body } = tokenBody({ expires_at: '2030-01-02T03:04:05.000000Z', system: { all: true } }).token;
    const shown = await issue({ ...USER_ENV, OS_SYSTEM_SCOPE: 'all' }, body);
    expect(shown).toEqual({ expires: '2030-01-02T03:04:05+0000', id: TOKEN, system: 'all', user_id: USER_ID });
  });

  it("expires as keystoneauth parses and OSC's strftime('%Y-%m-%dT%H:%M:%S%z') prints it", () => {
    expect(pythonExpires('2030-01-02T03:04:05.123456Z')).toBe('2030-01-02T03:04:05+0000');
    expect(pythonExpires('2030-01-02T03:04:05Z')).toBe('2030-01-02T03:04:05+0000');
    // No offset: UTC. An offset stays, without its colon.
    expect(pythonExpires('2030-01-02T03:04:05')).toBe('2030-01-02T03:04:05+0000');
    expect(pythonExpires('2030-01-02T03:04:05.5+01:00')).toBe('2030-01-02T03:04:05+0100');
    expect(pythonExpires('not a time')).toBe('not a time');
  });
});
