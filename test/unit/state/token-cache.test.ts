import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mockCloud, NOW, PASSWORD_ENV, privateHome, runWithCache, TOKEN, tokenBody, tokenFiles } from '../auth/keystone-helpers.js';

describe('Keystone token cache', () => {
  it('ignores and rewrites a corrupt cache file, and --no-cache bypasses the cache', async () => {
    const { agent, keystone } = mockCloud();
    const env = { ...privateHome(), ...PASSWORD_ENV };
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    expect((await runWithCache(['token', 'issue', '-f', 'value', '-c', 'id'], agent, env)).stdout).toBe(`${TOKEN}\n`);
    const file = tokenFiles(env)[0]!;
    writeFileSync(file, '{"token": "trunc');

    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': 'second' } });
    const run = await runWithCache(['token', 'issue', '-f', 'value', '-c', 'id'], agent, env);
    expect(run.stdout).toBe('second\n');
    expect(JSON.parse(readFileSync(file, 'utf8')).token).toBe('second');

    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': 'third' } });
    const bypass = await runWithCache(['--no-cache', 'token', 'issue', '-f', 'value', '-c', 'id'], agent, env);
    expect(bypass.stdout).toBe('third\n');
    expect(JSON.parse(readFileSync(file, 'utf8')).token).toBe('second');
    agent.assertNoPendingInterceptors();
  });

  it('does not reuse a token about to expire, nor one cached for another password', async () => {
    const { agent, keystone } = mockCloud();
    const env = { ...privateHome(), ...PASSWORD_ENV };
    keystone
      .intercept({ path: '/v3/auth/tokens', method: 'POST' })
      .reply(201, tokenBody({ expires_at: new Date(NOW + 60_000).toISOString() }), { headers: { 'x-subject-token': 'short' } });
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': 'long' } });
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': 'other-pw' } });
    const issue = (extra: Record<string, string> = {}) => runWithCache(['token', 'issue', '-f', 'value', '-c', 'id'], agent, { ...env, ...extra });
    expect((await issue()).stdout).toBe('short\n');
    expect((await issue()).stdout).toBe('long\n');
    expect((await issue({ OS_PASSWORD: 'another' })).stdout).toBe('other-pw\n');
    expect((await issue()).stdout).toBe('long\n');
    expect(tokenFiles(env)).toHaveLength(2);
    agent.assertNoPendingInterceptors();
  });
});
