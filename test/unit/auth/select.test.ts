import { describe, expect, it } from 'vitest';
import { mockCinderPerTest, run } from '../helpers/harness.js';

describe('auth type selection', () => {
  const mock = mockCinderPerTest();

  it('an unknown --os-auth-type flag', async () => {
    const result = await run(['--os-auth-type', 'nosuch', 'service', 'list'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ucinder: [^\n]*--os-auth-type[^\n]*'nosuch'[^\n]*noauth, admin_token, token_endpoint[^\n]*\n$/);
  });

  it('an unknown OS_AUTH_TYPE', async () => {
    const result = await run(['service', 'list'], mock.agent, { env: { OS_AUTH_TYPE: 'nosuch' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ucinder: unknown --os-auth-type 'nosuch': supported types are noauth, admin_token, token_endpoint[^\n]*\n$/);
  });
});
