import { describe, expect, it } from 'vitest';
import { CINDER, mockCloud, NOW, PASSWORD_ENV, PROJECT_ID, privateHome, runWithCache, TOKEN, tokenBody, USER_ID } from '../../auth/keystone-helpers.js';

describe('token issue', () => {
  it('token issue shows the fields of the openstack client', async () => {
    const { agent, keystone } = mockCloud();
    const expires = new Date(NOW + 3600_000).toISOString();
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody({ expires_at: expires }), { headers: { 'x-subject-token': TOKEN } });
    const run = await runWithCache(['--no-cache', 'token', 'issue', '-f', 'json'], agent, { ...privateHome(), ...PASSWORD_ENV });
    // As `openstack token issue -f json` on the test bed: expires without the fraction, offset +0000, keys sorted.
    const shown = JSON.parse(run.stdout);
    expect(shown).toEqual({ expires: `${expires.slice(0, 19)}+0000`, id: TOKEN, project_id: PROJECT_ID, user_id: USER_ID });
    expect(Object.keys(shown)).toEqual(['expires', 'id', 'project_id', 'user_id']);
  });

  it('token commands refuse noauth', async () => {
    const { agent } = mockCloud();
    const run = await runWithCache(['token', 'issue'], agent, { ...privateHome(), OS_ENDPOINT: CINDER, OS_PROJECT_ID: PROJECT_ID });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/token issue needs Keystone auth .*the auth type is noauth/);
  });
});
