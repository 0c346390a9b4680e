import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from './helpers/harness.js';
import { node7 } from './host/fake-host-facts.js';

describe('exit codes and error lines', () => {
  const mock = mockCinderPerTest();

  it.each([
    [['volume', 'list', '--nope'], "ucinder: unknown option '--nope'"],
    [['volume', 'nosuch'], "ucinder: unknown command 'nosuch'"],
    [['volume', 'show'], "ucinder: missing required argument 'volume'"],
    [['volume', 'show', 'x', '-f', 'csv'], "ucinder: option '-f, --format <format>' argument 'csv' is invalid. Allowed choices are table, json, yaml, value, shell."],
    [['volume', 'list', '--quote', 'some'], "ucinder: option '--quote <mode>' argument 'some' is invalid. Allowed choices are all, minimal, none, nonnumeric."],
  ])('%j is a usage error: exit 2, one line, no request', async (argv, line) => {
    const result = await run(argv, mock.agent);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(line);
  });

  it('an API error is exit 1 with one line and no stack', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' })
      .reply(
        500,
        { computeFault: { code: 500, message: 'The server has either erred or is incapable of performing the requested operation.' } },
        {
          headers: { 'x-openstack-request-id': 'req-500' },
        },
      )
      .times(3);
    const sleeps: number[] = [];
    const result = await run(['service', 'list'], mock.agent, { sleeps });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: The server has either erred or is incapable of performing the requested operation. (HTTP 500) (Request-ID: req-500)\n');
    expect(sleeps).toEqual([500, 1000]);
  });

  it('an HTML page from a proxy is exit 1 with one line; a POST is not retried', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes`, method: 'POST' })
      .reply(502, '<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1></body></html>\n');
    const sleeps: number[] = [];
    const result = await run(['volume', 'create', '--size', '1', 'v'], mock.agent, { sleeps });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`ucinder: POST http://cinder.test:8776${BASE_PATH}/volumes failed: 502 Bad Gateway Bad Gateway (HTTP 502)\n`);
    expect(sleeps).toEqual([]);
  });

  it("a 413 overLimit is exit 1 with Cinder's message and request id", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes`, method: 'POST' }).reply(
      413,
      { overLimit: { code: 413, message: 'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota.', retryAfter: '0' } },
      {
        headers: { 'retry-after': '0', 'x-openstack-request-id': 'req-413' },
      },
    );
    const result = await run(['volume', 'create', '--size', '1000', 'v'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. (HTTP 413) (Request-ID: req-413)\n');
  });

  it('malformed JSON in a success answer is exit 1 with one line', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, '{"services": [');
    const result = await run(['service', 'list'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`ucinder: malformed JSON in the response to GET http://cinder.test:8776${BASE_PATH}/os-services (HTTP 200): {"services": [\n`);
  });

  it('a 401 with a fixed token is exit 1, not retried', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' })
      .reply(401, { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });
    const result = await run(['--os-auth-type', 'admin_token', '--os-token', 'stale', 'service', 'list'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: The request you have made requires authentication. (HTTP 401)\n');
  });

  it('--debug adds the stack trace', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(403, { forbidden: { message: 'Policy does not allow it.' } });
    const result = await run(['--debug', 'service', 'list'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ucinder: Policy does not allow it. (HTTP 403)\nApiError: Policy does not allow it. (HTTP 403)\n    at ');
  });

  it('an unexpected failure is exit 1 with a hint to use --debug', async () => {
    // A failure that is none of ucinder's errors: here the host's own facts throwing.
    const hostFacts = {
      ...node7(),
      hostname: (): string => {
        throw new Error('hostname exploded');
      },
    };
    const result = await run(['connector', 'show'], mock.agent, { hostFacts });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: unexpected error: hostname exploded\nucinder: run with --debug for details\n');
  });

  it('Ctrl-C during a request is exit 130', async () => {
    const controller = new AbortController();
    controller.abort();
    interceptVersions(mock.pool);
    const result = await run(['service', 'list'], mock.agent, { signal: controller.signal });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('ucinder: interrupted during GET http://cinder.test:8776/\n');
    mock.discard();
  });
});

describe('--debug', () => {
  const mock = mockCinderPerTest();

  it('logs every request and response on stderr without the token or secrets', async () => {
    const token = 'gAAAAABsecret-token-value';
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/v1`, method: 'GET' }).reply(
      200,
      {
        volume: { id: 'v1', name: 'n', connection_info: { data: { auth_method: 'CHAP', auth_password: 'chap-secret-42', auth_username: 'iqn-user' } } },
      },
      { headers: { 'x-openstack-request-id': 'req-d1' } },
    );
    const result = await run(['--debug', '--os-auth-type', 'admin_token', '--os-token', token, 'volume', 'show', 'v1', '-f', 'value', '-c', 'id'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('v1\n');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.every((line) => line.startsWith('DEBUG: '))).toBe(true);
    expect(lines.filter((line) => line.startsWith('DEBUG: REQ: '))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('DEBUG: RESP: '))).toHaveLength(2);
    expect(result.stderr).toContain('"X-Auth-Token":"***"');
    expect(result.stderr).toContain('"OpenStack-API-Version":"volume 3.70"');
    expect(result.stderr).toContain(' req-d1 body: ');
    expect(result.stderr).toContain('"auth_password":"***"');
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toContain('chap-secret-42');
  });

  it('redacts passwords in request bodies', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes`, method: 'POST' }).reply(202, { volume: { id: 'v1', name: 'n', status: 'creating', size: 1 } });
    const result = await run(['--debug', 'volume', 'create', '--size', '1', '--property', 'admin_password=hunter2', 'n'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"metadata":{"admin_password":"***"}');
    expect(result.stderr).not.toContain('hunter2');
  });
});
