import { describe, expect, it } from 'vitest';
import type { AuthPlugin } from '../../../src/api/auth-plugin.js';
import { CinderSession } from '../../../src/api/session.js';
import { HttpClient } from '../../../src/http/http.js';
import { transportFor } from '../../../src/http/transport.js';
import { BASE_PATH, ENDPOINT_ROOT, mockCinderPerTest } from '../helpers/harness.js';

const mock = mockCinderPerTest();

function sessionAt(endpoint: string): CinderSession {
  const plugin: AuthPlugin = { authType: 'test', authenticate: async () => ({ token: 't', endpoint }), invalidate: async () => false };
  const http = new HttpClient({ transport: transportFor(mock.agent), timeoutMs: 1000, userAgent: 'test' });
  return new CinderSession(http, plugin, { major: 3, minor: 62 });
}

/** Routes Cinder serves only at the version root (/v3/default-types), whatever the catalog's endpoint looks like. */
describe('projectless calls', () => {
  it.each([
    ['an endpoint ending with the project ID', `${ENDPOINT_ROOT}${BASE_PATH}`],
    ['the same with a trailing slash', `${ENDPOINT_ROOT}${BASE_PATH}/`],
    ['an endpoint without a project ID', `${ENDPOINT_ROOT}/v3`],
  ])('%s: the call goes to /v3/PATH', async (_case, endpoint) => {
    mock.pool.intercept({ path: '/v3/default-types', method: 'GET' }).reply(200, { default_types: [] });
    const answer = await sessionAt(endpoint).projectless('GET', '/default-types');
    expect(answer.request).toBe('GET /v3/default-types');
    expect(answer.list('default_types')).toEqual([]);
  });

  it('other calls keep the project in the URL', async () => {
    mock.pool.intercept({ path: `${BASE_PATH}/types`, method: 'GET' }).reply(200, { volume_types: [] });
    const answer = await sessionAt(`${ENDPOINT_ROOT}${BASE_PATH}`).get('/types');
    expect(answer.request).toBe(`GET ${BASE_PATH}/types`);
    expect(answer.list('volume_types')).toEqual([]);
  });
});
