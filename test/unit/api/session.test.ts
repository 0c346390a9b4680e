import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/http/http.js';
import { CinderSession } from '../../../src/api/session.js';
import { transportFor } from '../../../src/http/transport.js';
import type { AuthPlugin } from '../../../src/api/auth-plugin.js';
import { BASE_PATH, ENDPOINT_ROOT, mockCinderPerTest } from '../helpers/harness.js';

const DETAIL = `${BASE_PATH}/volumes/detail`;

function volume(id: string) {
  return { id, name: `n-${id}`, status: 'available', size: 1, attachments: [] };
}

function nextLink(query: string) {
  // Cinder builds links from its own idea of its public URL, often another host.
  return [{ rel: 'next', href: `https://public.example:443${DETAIL}?${query}` }];
}

const mock = mockCinderPerTest();

function session(): CinderSession {
  const plugin: AuthPlugin = {
    authType: 'test',
    authenticate: async () => ({ token: 't', endpoint: `${ENDPOINT_ROOT}${BASE_PATH}` }),
    invalidate: async () => false,
  };
  const http = new HttpClient({ transport: transportFor(mock.agent), timeoutMs: 1000, userAgent: 'test' });
  return new CinderSession(http, plugin, { major: 3, minor: 60 });
}

describe('pagination', () => {
  it('follows next links on the given endpoint, keeping the filters and taking only the link query', async () => {
    mock.pool.intercept({ path: `${DETAIL}?status=available`, method: 'GET' }).reply(200, { volumes: [volume('a')], volumes_links: nextLink('status=available&marker=a') });
    mock.pool.intercept({ path: `${DETAIL}?status=available&marker=a`, method: 'GET' }).reply(200, { volumes: [volume('b')] });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes', { query: { status: 'available' } });
    expect(items.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('collects a page too long to pass as function arguments (200,000 items)', async () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `v${i}`);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: ids.map((id) => ({ id })) });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes');
    expect(items.map((item) => item.id)).toEqual(ids);
  });

  it('stops when the server repeats a marker', async () => {
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [volume('a')], volumes_links: nextLink('marker=a') });
    mock.pool.intercept({ path: `${DETAIL}?marker=a`, method: 'GET' }).reply(200, { volumes: [volume('b')], volumes_links: nextLink('marker=a') });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes');
    expect(items.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('stops when the next link repeats the marker the listing started from', async () => {
    mock.pool.intercept({ path: `${DETAIL}?marker=m`, method: 'GET' }).reply(200, { volumes: [volume('a')], volumes_links: nextLink('marker=m') });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes', { query: { marker: 'm' } });
    expect(items.map((item) => item.id)).toEqual(['a']);
  });

  it('stops on an empty page even if it has a next link', async () => {
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [], volumes_links: nextLink('marker=z') });
    expect(await session().list('/volumes/detail', 'volumes')).toEqual([]);
  });

  it('yields page by page', async () => {
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [volume('a'), volume('b')], volumes_links: nextLink('marker=b') });
    mock.pool.intercept({ path: `${DETAIL}?marker=b`, method: 'GET' }).reply(200, { volumes: [volume('c')] });
    const pages: string[][] = [];
    for await (const page of session().pages<{ id: string }>('/volumes/detail', 'volumes')) pages.push(page.map((item) => item.id));
    expect(pages).toEqual([['a', 'b'], ['c']]);
  });
});

/** --page-size asks for pages of N without capping the total; --limit caps the total. */
describe('page size', () => {
  it('asks for pageSize per request and follows every page, one page at a time', async () => {
    mock.pool.intercept({ path: `${DETAIL}?limit=2`, method: 'GET' }).reply(200, { volumes: [volume('a'), volume('b')], volumes_links: nextLink('limit=2&marker=b') });
    mock.pool.intercept({ path: `${DETAIL}?limit=2&marker=b`, method: 'GET' }).reply(200, { volumes: [volume('c'), volume('d')], volumes_links: nextLink('limit=2&marker=d') });
    mock.pool.intercept({ path: `${DETAIL}?limit=2&marker=d`, method: 'GET' }).reply(200, { volumes: [volume('e')] });
    const pages: string[][] = [];
    for await (const page of session().pages<{ id: string }>('/volumes/detail', 'volumes', { pageSize: 2 })) pages.push(page.map((v) => v.id));
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('with --limit too: pages of pageSize, the last one shortened to the remaining count', async () => {
    mock.pool.intercept({ path: `${DETAIL}?limit=2`, method: 'GET' }).reply(200, { volumes: [volume('a'), volume('b')], volumes_links: nextLink('limit=2&marker=b') });
    mock.pool.intercept({ path: `${DETAIL}?limit=1&marker=b`, method: 'GET' }).reply(200, { volumes: [volume('c')], volumes_links: nextLink('limit=1&marker=c') });
    const items = await session().list<{ id: string }>('/volumes/detail', 'volumes', { pageSize: 2, limit: 3 });
    expect(items.map((v) => v.id)).toEqual(['a', 'b', 'c']);
  });
});

/** A page that says less than it should is an error, never the end of the listing. */
describe('checked pages', () => {
  const request = `GET ${DETAIL}`;

  it('a page without the list, on the first page or a later one, names the request', async () => {
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [volume('a')], volumes_links: nextLink('marker=a') });
    mock.pool.intercept({ path: `${DETAIL}?marker=a`, method: 'GET' }).reply(200, {});
    await expect(session().list('/volumes/detail', 'volumes')).rejects.toThrow(`${request} answered without a 'volumes' list`);
  });

  it('an item that is not an object fails the listing', async () => {
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [volume('a'), null] });
    await expect(session().list('/volumes/detail', 'volumes')).rejects.toThrow(`${request} answered a 'volumes' list whose item 2 is null, not an object`);
  });

  it('links that are not a list, or a next link without a URL, fail instead of ending the listing early', async () => {
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [volume('a')], volumes_links: { rel: 'next' } });
    await expect(session().list('/volumes/detail', 'volumes')).rejects.toThrow(`${request} answered without a 'volumes_links' list ('volumes_links' is an object)`);
    mock.renew();
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [volume('a')], volumes_links: [{ rel: 'next' }] });
    await expect(session().list('/volumes/detail', 'volumes')).rejects.toThrow(`${request} answered a 'volumes_links' next link without a usable URL`);
    mock.renew();
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [volume('a')], volumes_links: [{ rel: 'next', href: 'not a url' }] });
    await expect(session().list('/volumes/detail', 'volumes')).rejects.toThrow(`${request} answered a 'volumes_links' next link without a usable URL`);
  });

  it('links without a next one (the last page, or only a self link) end the listing', async () => {
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [volume('a')], volumes_links: [{ rel: 'self', href: 'x' }] });
    expect((await session().list<{ id: string }>('/volumes/detail', 'volumes')).map((item) => item.id)).toEqual(['a']);
  });
});
