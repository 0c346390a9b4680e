import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/http/http.js';
import { CinderSession } from '../../../src/api/session.js';
import { transportFor } from '../../../src/http/transport.js';
import type { AuthPlugin } from '../../../src/api/auth-plugin.js';
import { BASE_PATH, ENDPOINT_ROOT, interceptVersions, newAgent, run } from '../helpers/harness.js';

const DETAIL = `${BASE_PATH}/volumes/detail`;

function volume(id: string) {
  return { id, name: `n-${id}`, status: 'available', size: 1, attachments: [] };
}

function nextLink(query: string) {
  // Cinder builds links from its own idea of its public URL, often another host.
  return [{ rel: 'next', href: `https://public.example:443${DETAIL}?${query}` }];
}

describe('pagination', () => {
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

  it('follows next links on the given endpoint, keeping the filters and taking only the link query', async () => {
    mock.pool
      .intercept({ path: `${DETAIL}?status=available`, method: 'GET' })
      .reply(200, { volumes: [volume('a')], volumes_links: nextLink('status=available&marker=a') });
    mock.pool
      .intercept({ path: `${DETAIL}?status=available&marker=a`, method: 'GET' })
      .reply(200, { volumes: [volume('b')] });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes', { query: { status: 'available' } });
    expect(items.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('stops when the server repeats a marker', async () => {
    mock.pool
      .intercept({ path: DETAIL, method: 'GET' })
      .reply(200, { volumes: [volume('a')], volumes_links: nextLink('marker=a') });
    mock.pool
      .intercept({ path: `${DETAIL}?marker=a`, method: 'GET' })
      .reply(200, { volumes: [volume('b')], volumes_links: nextLink('marker=a') });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes');
    expect(items.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('stops when the next link repeats the marker the listing started from', async () => {
    mock.pool
      .intercept({ path: `${DETAIL}?marker=m`, method: 'GET' })
      .reply(200, { volumes: [volume('a')], volumes_links: nextLink('marker=m') });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes', { query: { marker: 'm' } });
    expect(items.map((item) => item.id)).toEqual(['a']);
  });

  it('stops on an empty page even if it has a next link', async () => {
    mock.pool
      .intercept({ path: DETAIL, method: 'GET' })
      .reply(200, { volumes: [], volumes_links: nextLink('marker=z') });
    expect(await session().list('/volumes/detail', 'volumes')).toEqual([]);
  });

  it('yields page by page', async () => {
    mock.pool
      .intercept({ path: DETAIL, method: 'GET' })
      .reply(200, { volumes: [volume('a'), volume('b')], volumes_links: nextLink('marker=b') });
    mock.pool.intercept({ path: `${DETAIL}?marker=b`, method: 'GET' }).reply(200, { volumes: [volume('c')] });
    const pages: string[][] = [];
    for await (const page of session().pages<{ id: string }>('/volumes/detail', 'volumes')) pages.push(page.map((item) => item.id));
    expect(pages).toEqual([['a', 'b'], ['c']]);
  });

  describe('volume list', () => {
    it('sends --limit as limit and caps the total across pages', async () => {
      interceptVersions(mock.pool);
      mock.pool
        .intercept({ path: `${DETAIL}?limit=3`, method: 'GET' })
        .reply(200, { volumes: [volume('a'), volume('b')], volumes_links: nextLink('limit=3&marker=b') });
      // The server may ignore limit; we still stop at three.
      mock.pool
        .intercept({ path: `${DETAIL}?limit=1&marker=b`, method: 'GET' })
        .reply(200, { volumes: [volume('c'), volume('d')], volumes_links: nextLink('limit=1&marker=d') });
      const result = await run(['volume', 'list', '--limit', '3', '-f', 'value', '-c', 'ID'], mock.agent);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('a\nb\nc\n');
      expect(result.code).toBe(0);
    });

    it('passes --marker through', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${DETAIL}?marker=start-id`, method: 'GET' }).reply(200, { volumes: [volume('x')] });
      const result = await run(['volume', 'list', '--marker', 'start-id', '-f', 'value', '-c', 'ID'], mock.agent);
      expect(result.stdout).toBe('x\n');
      expect(result.code).toBe(0);
    });

    it.each(['0', '-1', 'abc'])('rejects --limit %s before any request', async (limit) => {
      const result = await run(['volume', 'list', '--limit', limit], mock.agent);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`ucinder: option '--limit <n>' argument '${limit}' is invalid. expected a positive whole number.\n`);
    });
  });
});
