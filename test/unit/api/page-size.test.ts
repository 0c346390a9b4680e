import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/http/http.js';
import { CinderSession } from '../../../src/api/session.js';
import { transportFor } from '../../../src/http/transport.js';
import type { AuthPlugin } from '../../../src/api/auth-plugin.js';
import { BASE_PATH, ENDPOINT_ROOT, newAgent } from '../helpers/harness.js';

const DETAIL = `${BASE_PATH}/volumes/detail`;
const volume = (id: string) => ({ id, name: `n-${id}`, status: 'available', size: 1, attachments: [] });
const next = (query: string) => [{ rel: 'next', href: `http://cinder.example${DETAIL}?${query}` }];

/** --page-size asks for pages of N without capping the total; --limit caps the total. */
describe('page size', () => {
  let mock = newAgent();
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
  });

  function session(): CinderSession {
    const plugin: AuthPlugin = {
      authType: 'test',
      authenticate: async () => ({ token: 't', endpoint: `${ENDPOINT_ROOT}${BASE_PATH}` }),
      invalidate: async () => false,
    };
    const http = new HttpClient({ transport: transportFor(mock.agent), timeoutMs: 1000, userAgent: 'test' });
    return new CinderSession(http, plugin, { major: 3, minor: 60 });
  }

  it('asks for pageSize per request and follows every page, one page at a time', async () => {
    mock.pool.intercept({ path: `${DETAIL}?limit=2`, method: 'GET' }).reply(200, { volumes: [volume('a'), volume('b')], volumes_links: next('limit=2&marker=b') });
    mock.pool.intercept({ path: `${DETAIL}?limit=2&marker=b`, method: 'GET' }).reply(200, { volumes: [volume('c'), volume('d')], volumes_links: next('limit=2&marker=d') });
    mock.pool.intercept({ path: `${DETAIL}?limit=2&marker=d`, method: 'GET' }).reply(200, { volumes: [volume('e')] });
    const pages: string[][] = [];
    for await (const page of session().pages<{ id: string }>('/volumes/detail', 'volumes', { pageSize: 2 })) pages.push(page.map((v) => v.id));
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('with --limit too: pages of pageSize, the last one shortened to the remaining count', async () => {
    mock.pool.intercept({ path: `${DETAIL}?limit=2`, method: 'GET' }).reply(200, { volumes: [volume('a'), volume('b')], volumes_links: next('limit=2&marker=b') });
    mock.pool.intercept({ path: `${DETAIL}?limit=1&marker=b`, method: 'GET' }).reply(200, { volumes: [volume('c')], volumes_links: next('limit=1&marker=c') });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes', { pageSize: 2, limit: 3 });
    expect(items.map((v) => v.id)).toEqual(['a', 'b', 'c']);
  });
});
