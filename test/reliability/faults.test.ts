import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiRequests, faults, faultEnv, PROJECT, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { privateHome, ucinder, type Run } from '../support/ucinder-process.js';
import { lines, STACK_TRACE } from './helpers/output.js';

/**
 * Faults a real network and a real Cinder produce, injected by a local
 * server: every one must end in one clear line and the right exit code,
 * GETs are retried with bounded backoff, POST/DELETE never blindly.
 */
const LIST_PATH = `/v3/${PROJECT}/volumes/detail`;

function expectOneLineFailure(run: Run, pattern: string | RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(lines(run.stderr), run.stderr).toHaveLength(1);
  if (typeof pattern === 'string') expect(run.stderr).toContain(pattern);
  else expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(STACK_TRACE);
}

/** The waits before retries, as `--debug` reports them ("retrying in N ms after: …"). */
function retryDelays(run: Run): number[] {
  return [...run.stderr.matchAll(/retrying in (\d+) ms after/g)].map((match) => Number(match[1]));
}

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('faults', () => {
  let server: FaultServer;
  let env: Record<string, string>;
  const attempts = (method: string, path: string) => apiRequests(server).filter((r) => r.method === method && r.url.startsWith(path)).length;

  beforeAll(async () => {
    server = await startFaultServer();
    env = faultEnv(server, privateHome());
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.setFault(undefined);
  });

  it('works against the healthy fake (the baseline the faults break)', async () => {
    const run = await ucinder(['volume', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('vol-a\n');
  });

  it('connection refused: one line naming the endpoint', async () => {
    const port = await closedPort();
    const run = await ucinder(['volume', 'list'], { ...env, OS_ENDPOINT: `http://127.0.0.1:${port}` });
    expectOneLineFailure(run, `cannot reach GET http://127.0.0.1:${port}/: connection refused`);
  });

  it('reset in the middle of a response: GET retried (3 attempts), then one line', async () => {
    server.setFault((request, response, socket) => {
      if (!request.url.startsWith(LIST_PATH)) return false;
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 5000 });
      response.write('{"volumes": [{"id": "11111111-2222-4333-8444-5555');
      setTimeout(() => socket.resetAndDestroy(), 20);
      return true;
    });
    const run = await ucinder(['volume', 'list'], env);
    expectOneLineFailure(run, /cannot reach GET http:\/\/127\.0\.0\.1:\d+\/v3\/\w+\/volumes\/detail: connection (reset|closed)/);
    expect(attempts('GET', LIST_PATH)).toBe(3);
  });

  it('a reset once, then a good answer: the retried GET succeeds', async () => {
    let resets = 0;
    server.setFault((request, _response, socket) => {
      if (!request.url.startsWith(LIST_PATH) || resets++ > 0) return false;
      socket.resetAndDestroy();
      return true;
    });
    const run = await ucinder(['volume', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('vol-a\n');
    expect(attempts('GET', LIST_PATH)).toBe(2);
  });

  it('a server that never answers, with --timeout 2: ucinder gives up with the timeout message, not retried', async () => {
    // Handled and never answered: only ucinder's own timeout can end this run.
    server.setFault((request) => request.url.startsWith(LIST_PATH));
    const run = await ucinder(['--timeout', '2', 'volume', 'list'], env);
    expectOneLineFailure(run, /no response from GET http:\/\/127\.0\.0\.1:\d+\/v3\/\w+\/volumes\/detail within 2 s/);
    expect(attempts('GET', LIST_PATH)).toBe(1);
  });

  it('503 with Retry-After: 1 on GET: 3 attempts, Retry-After honoured, then the server message', async () => {
    const body = JSON.stringify({ serviceUnavailable: { code: 503, message: 'Cinder is busy' } });
    server.setFault((request, response) => request.url.startsWith(LIST_PATH) && faults.status(503, body, { 'Retry-After': '1', 'Content-Type': 'application/json' })(response));
    const run = await ucinder(['volume', 'list'], env);
    expectOneLineFailure(run, 'Cinder is busy');
    expect(attempts('GET', LIST_PATH)).toBe(3);
    // The waits ucinder chose: Retry-After's 1 s both times, not its own 0.5 s first backoff.
    const debug = await ucinder(['--debug', 'volume', 'list'], env);
    expect(debug.code).toBe(1);
    expect(retryDelays(debug)).toEqual([1000, 1000]);
  });

  it('500 twice then 200 on GET: bounded backoff, then success', async () => {
    let failures = 0;
    server.setFault((request, response) => {
      if (!request.url.startsWith(LIST_PATH) || failures >= 2) return false;
      failures++;
      return faults.status(500, '{"computeFault": {"code": 500, "message": "oops"}}')(response);
    });
    const run = await ucinder(['--debug', 'volume', 'list', '-f', 'value', '-c', 'ID'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('11111111-2222-4333-8444-555555555555\n');
    expect(attempts('GET', LIST_PATH)).toBe(3);
    // The waits ucinder chose: 0.5 s then 1 s, exponential and bounded.
    expect(retryDelays(run)).toEqual([500, 1000]);
  });

  it('503 on POST (volume create): tried exactly once, never blindly retried', async () => {
    server.setFault(
      (request, response) => request.method === 'POST' && faults.status(503, '{"serviceUnavailable": {"code": 503, "message": "try later"}}', { 'Retry-After': '1' })(response),
    );
    const run = await ucinder(['volume', 'create', '--size', '1', 'fault-post'], env);
    expectOneLineFailure(run, 'try later');
    expect(attempts('POST', `/v3/${PROJECT}/volumes`)).toBe(1);
  });

  it('reset during POST: tried exactly once', async () => {
    server.setFault((request, _response, socket) => request.method === 'POST' && (socket.resetAndDestroy(), true));
    const run = await ucinder(['volume', 'create', '--size', '1', 'fault-post-reset'], env);
    expectOneLineFailure(run, /cannot reach POST .*\/volumes: connection (reset|closed)/);
    expect(attempts('POST', `/v3/${PROJECT}/volumes`)).toBe(1);
  });

  it('500 on DELETE: tried exactly once', async () => {
    server.setFault((request, response) => request.method === 'DELETE' && faults.status(500, '{"computeFault": {"code": 500, "message": "delete exploded"}}')(response));
    const run = await ucinder(['volume', 'delete', '11111111-2222-4333-8444-555555555555'], env);
    expectOneLineFailure(run, 'delete exploded');
    expect(attempts('DELETE', `/v3/${PROJECT}/volumes/`)).toBe(1);
  });

  it('malformed JSON in a 200: one line saying so', async () => {
    server.setFault((request, response) => request.url.startsWith(LIST_PATH) && faults.status(200, '{"volumes": [{"id": ', { 'Content-Type': 'application/json' })(response));
    const run = await ucinder(['volume', 'list'], env);
    expectOneLineFailure(run, /malformed JSON in the response to GET .*\/volumes\/detail \(HTTP 200\)/);
  });

  it('a 200 whose JSON has the wrong shape: one line, not a crash', async () => {
    server.setFault((request, response) => request.url.includes('/volumes/11111111') && faults.json(response, 200, { unexpected: true }));
    const run = await ucinder(['volume', 'show', '11111111-2222-4333-8444-555555555555'], env);
    expect(run.code, run.stderr).toBe(1);
    expect(lines(run.stderr), run.stderr).toHaveLength(1);
    expect(run.stderr).toBe(`ucinder: GET /v3/${PROJECT}/volumes/11111111-2222-4333-8444-555555555555 answered without a 'volume' object\n`);
  });

  describe('a proxy answering 200 {} to everything (discovery aside): never an empty cloud, never a TypeError', () => {
    it.each([
      [['volume', 'list'], 'GET /volumes/detail', "'volumes' list"],
      [['volume', 'backup', 'list'], 'GET /backups/detail', "'backups' list"],
      [['volume', 'snapshot', 'list'], 'GET /snapshots/detail', "'snapshots' list"],
      [['volume', 'type', 'list'], 'GET /types', "'volume_types' list"],
      [['volume', 'qos', 'list'], 'GET /qos-specs', "'qos_specs' list"],
      [['volume', 'service', 'list'], 'GET /os-services', "'services' list"],
      [['quota', 'show'], `GET /os-quota-sets/${PROJECT}`, "'quota_set' object"],
      // status runs its listings concurrently and reports the first of its own order that failed: the services'.
      [['status'], 'GET /os-services', "'services' list"],
    ])('%j: exit 1, one line naming the request and the missing envelope', async (argv, request, envelope) => {
      server.setFault((incoming, response) => incoming.url !== '/' && faults.json(response, 200, {}));
      const run = await ucinder(argv, env);
      const [method, path] = request.split(' ');
      expectOneLineFailure(run, `ucinder: ${method} /v3/${PROJECT}${path} answered without a ${envelope}\n`);
      expect(run.stderr).not.toMatch(/unexpected error|TypeError/);
    });
  });

  it('an HTML error page from a proxy (502): retried, then its text in one line', async () => {
    const page = '<html><head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body></html>\n';
    server.setFault((request, response) => request.url.startsWith(LIST_PATH) && faults.status(502, page, { 'Content-Type': 'text/html' })(response));
    const run = await ucinder(['volume', 'list'], env);
    expectOneLineFailure(run, '502 Bad Gateway');
    expect(run.stderr).not.toContain('<');
    expect(attempts('GET', LIST_PATH)).toBe(3);
  });

  it('an HTML 404 page: one line, no retry', async () => {
    const page = '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The resource could not be found.</p></body></html>';
    server.setFault((request, response) => request.url.startsWith(LIST_PATH) && faults.status(404, page, { 'Content-Type': 'text/html' })(response));
    const run = await ucinder(['volume', 'list'], env);
    expectOneLineFailure(run, 'Not Found');
    expect(attempts('GET', LIST_PATH)).toBe(1);
  });

  it('401: one line naming the authentication failure', async () => {
    server.setFault(
      (request, response) =>
        request.url.startsWith(LIST_PATH) &&
        faults.status(401, '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}')(response),
    );
    const run = await ucinder(['volume', 'list'], env);
    expectOneLineFailure(run, 'The request you have made requires authentication.');
    expect(attempts('GET', LIST_PATH)).toBe(1);
  });

  it("413 quota exceeded: Cinder's message, POST not retried", async () => {
    const message = 'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 500G, quota is 100G and 10G has been consumed.';
    server.setFault(
      (request, response) =>
        request.method === 'POST' &&
        faults.status(413, JSON.stringify({ overLimit: { code: 413, message, retryAfter: '0' } }), { 'Retry-After': '0', 'Content-Type': 'application/json' })(response),
    );
    const run = await ucinder(['volume', 'create', '--size', '500', 'too-big'], env);
    expectOneLineFailure(run, message);
    expect(attempts('POST', `/v3/${PROJECT}/volumes`)).toBe(1);
  });

  it('garbage at discovery (GET /): falls back to 3.0 and still works', async () => {
    server.setFault((request, response) => request.url === '/' && faults.status(200, 'not json at all')(response));
    const run = await ucinder(['--no-cache', 'volume', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('vol-a\n');
    expect(apiRequests(server).find((r) => r.url.startsWith(LIST_PATH))?.headers['openstack-api-version']).toBe('volume 3.0');
  });

  it('connection closed before any byte of the answer: GET retried, then one line', async () => {
    server.setFault((request, _response, socket) => request.url.startsWith(LIST_PATH) && (socket.destroy(), true));
    const run = await ucinder(['volume', 'list'], env);
    expectOneLineFailure(run, /cannot reach GET .*\/volumes\/detail: (connection closed|connection reset|socket hang up)/);
    expect(attempts('GET', LIST_PATH)).toBe(3);
  });
});
