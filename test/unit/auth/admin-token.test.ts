import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../helpers/harness.js';

/** admin_token (alias token_endpoint): the given token on the given endpoint. */
describe('admin_token', () => {
  const mock = mockCinderPerTest();

  function expectServices(token: string) {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET', headers: { 'x-auth-token': token } }).reply(200, { services: [] });
  }

  it('uses admin_token with the given token', async () => {
    expectServices('gAAAA-token');
    const result = await run(['--os-auth-type', 'admin_token', '--os-token', 'gAAAA-token', 'service', 'list'], mock.agent);
    expect(result.code).toBe(0);
  });

  it('accepts token_endpoint from OS_AUTH_TYPE as an alias', async () => {
    expectServices('tok');
    const result = await run(['service', 'list'], mock.agent, { env: { OS_AUTH_TYPE: 'token_endpoint', OS_TOKEN: 'tok' } });
    expect(result.code).toBe(0);
  });

  it.each([
    [{}, 'needs a token: set --os-token or OS_TOKEN'],
    [{ OS_TOKEN: 'tok', OS_ENDPOINT: undefined }, 'needs an endpoint: set --os-endpoint or OS_ENDPOINT'],
  ])('missing settings exit 2 with one line naming the flag and the variable: %j', async (env, message) => {
    const result = await run(['--os-auth-type', 'admin_token', 'service', 'list'], mock.agent, { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ucinder: --os-auth-type admin_token ${message}\n`);
    expect(result.stdout).toBe('');
  });
});
