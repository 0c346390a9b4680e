import { describe, expect, it } from 'vitest';
import { mockCloud, PASSWORD_ENV, privateHome, runWithCache, TOKEN, tokenBody, tokenFiles } from '../../auth/keystone-helpers.js';

describe('token revoke', () => {
  it('token revoke deletes the subject token with our own token and drops a revoked cached token', async () => {
    const { agent, keystone } = mockCloud();
    const env = { ...privateHome(), ...PASSWORD_ENV };
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    keystone.intercept({ path: '/v3/auth/tokens', method: 'DELETE', headers: { 'x-auth-token': TOKEN, 'x-subject-token': 'other' } }).reply(204, '');
    expect((await runWithCache(['token', 'revoke', 'other'], agent, env)).code).toBe(0);
    expect(tokenFiles(env)).toHaveLength(1);
    keystone.intercept({ path: '/v3/auth/tokens', method: 'DELETE', headers: { 'x-auth-token': TOKEN, 'x-subject-token': TOKEN } }).reply(204, '');
    expect((await runWithCache(['token', 'revoke', TOKEN], agent, env)).code).toBe(0);
    expect(tokenFiles(env)).toHaveLength(0);
    agent.assertNoPendingInterceptors();
  });
});
