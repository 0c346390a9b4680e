import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, BadResponseError, NetworkError, RequestTimeoutError } from '../../../src/http/errors.js';
import { HttpClient } from '../../../src/http/http.js';
import { transportFor } from '../../../src/http/transport.js';
import { mockCinderPerTest } from '../helpers/harness.js';

const ROOT = 'http://cinder.test:8776';
const URL_ = `${ROOT}/v3/p/volumes`;

function socketError(code: string): Error {
  return Object.assign(new Error(`socket ${code}`), { code });
}

describe('HttpClient', () => {
  const mock = mockCinderPerTest();
  let sleeps: number[] = [];
  const client = (timeoutMs = 60_000) =>
    new HttpClient({
      transport: transportFor(mock.agent),
      timeoutMs,
      userAgent: 'ucinder/test',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });

  beforeEach(() => {
    sleeps = [];
  });

  describe('requests', () => {
    it('sends JSON with Accept, User-Agent and Content-Type, and appends the query without empty values', async () => {
      let seen: { headers: unknown; body: unknown } | undefined;
      mock.pool.intercept({ path: '/v3/p/volumes?name=a+b&limit=2', method: 'POST' }).reply(202, (options) => {
        seen = { headers: options.headers, body: options.body };
        return { volume: { id: 'v1' } };
      });
      const response = await client().request({
        method: 'POST',
        url: URL_,
        query: { name: 'a b', limit: 2, marker: undefined, status: null },
        headers: { 'X-Auth-Token': 't' },
        body: { volume: { size: 1 } },
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ volume: { id: 'v1' } });
      expect(seen?.headers).toEqual({
        Accept: 'application/json',
        'User-Agent': 'ucinder/test',
        'X-Auth-Token': 't',
        'Content-Type': 'application/json',
      });
      expect(seen?.body).toBe('{"volume":{"size":1}}');
    });

    it('returns undefined for an empty body and the request id from the headers', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'DELETE' }).reply(202, '', { headers: { 'x-openstack-request-id': 'req-1' } });
      const response = await client().request({ method: 'DELETE', url: URL_ });
      expect(response.body).toBeUndefined();
      expect(response.requestId).toBe('req-1');
    });

    it('accepts a listed non-2xx status as an answer (300 from GET /)', async () => {
      mock.pool.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [] });
      const response = await client().request({ method: 'GET', url: `${ROOT}/`, acceptStatuses: [300] });
      expect(response.status).toBe(300);
    });
  });

  describe('Cinder error bodies', () => {
    it('turns itemNotFound into an ApiError with status, message, fault and request id', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(
        404,
        { itemNotFound: { code: 404, message: 'Volume x could not be found.' } },
        {
          headers: { 'x-openstack-request-id': 'req-abc' },
        },
      );
      const error = await client()
        .request({ method: 'GET', url: URL_ })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      const api = error as ApiError;
      expect(api.status).toBe(404);
      expect(api.serverMessage).toBe('Volume x could not be found.');
      expect(api.fault).toBe('itemNotFound');
      expect(api.requestId).toBe('req-abc');
      expect(api.message).toBe('Volume x could not be found. (HTTP 404) (Request-ID: req-abc)');
      expect(sleeps).toEqual([]);
    });

    it('reads badRequest messages', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'POST' }).reply(400, { badRequest: { code: 400, message: 'Invalid input for field/attribute size.' } });
      await expect(client().request({ method: 'POST', url: URL_, body: {} })).rejects.toThrow('Invalid input for field/attribute size. (HTTP 400)');
    });

    it('keeps Retry-After of a 413 overLimit and never retries it', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(
        413,
        { overLimit: { code: 413, message: 'VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded' } },
        {
          headers: { 'retry-after': '30' },
        },
      );
      const error = (await client()
        .request({ method: 'GET', url: URL_ })
        .catch((e: unknown) => e)) as ApiError;
      expect(error.status).toBe(413);
      expect(error.fault).toBe('overLimit');
      expect(error.retryAfterSeconds).toBe(30);
      expect(error.message).toBe('VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded (HTTP 413)');
      expect(sleeps).toEqual([]);
    });

    it('reduces an HTML error page from a proxy to one line', async () => {
      const html = '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'POST' }).reply(502, html, { headers: { 'content-type': 'text/html' } });
      const error = (await client()
        .request({ method: 'POST', url: URL_, body: {} })
        .catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(502);
      expect(error.message).toBe(`POST ${URL_} failed: 502 Bad Gateway 502 Bad Gateway (HTTP 502)`);
      expect(error.message).not.toContain('\n');
    });

    it('makes a multi-line server message one line', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'POST' }).reply(405, { computeFault: { code: 405, message: 'The method POST is not allowed.<br /><br />\n\n\n' } });
      const error = (await client()
        .request({ method: 'POST', url: URL_, body: {} })
        .catch((e: unknown) => e)) as ApiError;
      expect(error.message).toBe('The method POST is not allowed.<br /><br /> (HTTP 405)');
    });

    it('reports malformed JSON in a success response as a BadResponseError', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(200, '{"volumes": [');
      const error = await client()
        .request({ method: 'GET', url: URL_ })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadResponseError);
      expect((error as Error).message).toBe(`malformed JSON in the response to GET ${URL_} (HTTP 200): {"volumes": [`);
    });

    it('reports a malformed JSON error body by its text', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'POST' }).reply(400, '{"badRequest": ');
      await expect(client().request({ method: 'POST', url: URL_, body: {} })).rejects.toThrow(`POST ${URL_} failed: {"badRequest": (HTTP 400)`);
    });

    it('names the request when an error has no body', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'DELETE' }).reply(403, '');
      await expect(client().request({ method: 'DELETE', url: URL_ })).rejects.toThrow(`DELETE ${URL_} failed (HTTP 403)`);
    });
  });

  describe('retries', () => {
    it.each([500, 502, 503, 504])('retries a GET after %i with growing backoff', async (status) => {
      mock.pool
        .intercept({ path: '/v3/p/volumes', method: 'GET' })
        .reply(status, { computeFault: { message: 'busy' } })
        .times(2);
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(200, { volumes: [] });
      const response = await client().request({ method: 'GET', url: URL_ });
      expect(response.body).toEqual({ volumes: [] });
      expect(sleeps).toEqual([500, 1000]);
    });

    it('gives up after three attempts with the last error', async () => {
      mock.pool
        .intercept({ path: '/v3/p/volumes', method: 'GET' })
        .reply(503, { computeFault: { message: 'down' } })
        .times(3);
      await expect(client().request({ method: 'GET', url: URL_ })).rejects.toThrow('down (HTTP 503)');
      expect(sleeps).toEqual([500, 1000]);
    });

    it('honours Retry-After, bounded to 10 s', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(503, '', { headers: { 'retry-after': '2' } });
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(503, '', { headers: { 'retry-after': '3600' } });
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(200, {});
      await client().request({ method: 'GET', url: URL_ });
      expect(sleeps).toEqual([2000, 10_000]);
    });

    it.each(['POST', 'DELETE', 'PUT'] as const)('never retries a %s', async (method) => {
      mock.pool.intercept({ path: '/v3/p/volumes', method }).reply(503, { computeFault: { message: 'down' } });
      await expect(client().request({ method, url: URL_, body: method === 'DELETE' ? undefined : {} })).rejects.toThrow('down (HTTP 503)');
      expect(sleeps).toEqual([]);
    });

    it('does not retry a 4xx', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(409, { conflict: { message: 'busy' } });
      await expect(client().request({ method: 'GET', url: URL_ })).rejects.toThrow('busy (HTTP 409)');
      expect(sleeps).toEqual([]);
    });

    it('retries a GET after a connection reset', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).replyWithError(socketError('ECONNRESET'));
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(200, { ok: 1 });
      expect((await client().request({ method: 'GET', url: URL_ })).body).toEqual({ ok: 1 });
      expect(sleeps).toEqual([500]);
    });

    it('does not retry a POST after a connection reset', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'POST' }).replyWithError(socketError('ECONNRESET'));
      await expect(client().request({ method: 'POST', url: URL_, body: {} })).rejects.toThrow(`cannot reach POST ${URL_}: connection reset by the server`);
      expect(sleeps).toEqual([]);
    });
  });

  describe('network failures', () => {
    it.each([
      ['ECONNREFUSED', 'connection refused'],
      ['ENOTFOUND', 'host name not found (DNS)'],
      ['EHOSTUNREACH', 'host unreachable'],
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS certificate is self-signed (use --os-cacert FILE, or --insecure)'],
    ])('%s becomes a one-line NetworkError naming the URL, not retried', async (code, reason) => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).replyWithError(socketError(code));
      const error = (await client()
        .request({ method: 'GET', url: URL_ })
        .catch((e: unknown) => e)) as NetworkError;
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.code).toBe(code);
      expect(error.message).toBe(`cannot reach GET ${URL_}: ${reason}`);
      expect(sleeps).toEqual([]);
    });

    it('finds the code on the cause of a wrapped error', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).replyWithError(new Error('fetch failed', { cause: socketError('ECONNREFUSED') }));
      await expect(client().request({ method: 'GET', url: URL_ })).rejects.toThrow(`cannot reach GET ${URL_}: connection refused`);
    });

    it('times out with a one-line message and no retry', async () => {
      mock.pool.intercept({ path: '/v3/p/volumes', method: 'GET' }).reply(200, {}).delay(2000);
      const error = await client(200)
        .request({ method: 'GET', url: URL_ })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestTimeoutError);
      expect((error as Error).message).toBe(`no response from GET ${URL_} within 0.2 s (raise --timeout?)`);
      expect(sleeps).toEqual([]);
    });
  });

  describe('debug log', () => {
    it('logs request and response with the token and body secrets redacted', async () => {
      const lines: string[] = [];
      const http = new HttpClient({
        transport: transportFor(mock.agent),
        timeoutMs: 1000,
        userAgent: 'ucinder/test',
        debug: (line) => lines.push(line),
      });
      mock.pool.intercept({ path: '/v3/p/attachments', method: 'POST' }).reply(
        200,
        { connection_info: { data: { auth_method: 'CHAP', auth_username: 'u', auth_password: 'chap-secret' } } },
        {
          headers: { 'x-openstack-request-id': 'req-9' },
        },
      );
      await http.request({
        method: 'POST',
        url: `${ROOT}/v3/p/attachments`,
        headers: { 'X-Auth-Token': 'tok-secret' },
        body: { auth: { password: 'pw-secret' } },
      });
      const log = lines.join('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^REQ: POST http:\/\/cinder\.test:8776\/v3\/p\/attachments /);
      expect(lines[0]).toContain('"X-Auth-Token":"***"');
      expect(lines[0]).toContain('body: {"auth":{"password":"***"}}');
      expect(lines[1]).toMatch(/^RESP: 200 \d+ ms POST http:\/\/cinder\.test:8776\/v3\/p\/attachments req-9 body: /);
      expect(lines[1]).toContain('"auth_password":"***"');
      expect(lines[1]).toContain('"auth_username":"u"');
      expect(log).not.toContain('tok-secret');
      expect(log).not.toContain('pw-secret');
      expect(log).not.toContain('chap-secret');
    });
  });
});
