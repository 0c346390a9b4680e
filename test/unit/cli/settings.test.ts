import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/cli/settings.js';
import { BASE_PATH, mockCinderPerTest, run } from '../helpers/harness.js';

describe('resolveSettings', () => {
  it('lets flags beat variables and variables beat defaults', () => {
    const settings = resolveSettings(
      { osEndpoint: 'http://flag:8776', osProjectId: 'aa', timeout: '5' },
      { OS_ENDPOINT: 'http://env:8776', OS_PROJECT_ID: 'bb', OS_TOKEN: 'tok', UCINDER_TIMEOUT: '9', OS_VOLUME_API_VERSION: '3.5' },
    );
    expect(settings.auth).toEqual({ authType: undefined, endpoint: 'http://flag:8776', token: 'tok', userId: undefined, projectId: 'aa' });
    expect(settings.timeoutMs).toBe(5000);
    expect(settings.volumeApiVersion).toBe('3.5');
  });

  it('treats empty variables as unset and knows the OSC aliases', () => {
    const settings = resolveSettings({}, { OS_ENDPOINT: '', OS_URL: 'http://url:8776', OS_PROJECT_ID: '', OS_TENANT_ID: 'cc' });
    expect(settings.auth.endpoint).toBe('http://url:8776');
    expect(settings.auth.projectId).toBe('cc');
  });

  it('defaults: 60 s timeout, TLS verified, cache on, no debug, batch stops at the first failure', () => {
    expect(resolveSettings({}, {})).toEqual({
      auth: { authType: undefined, endpoint: undefined, token: undefined, userId: undefined, projectId: undefined },
      volumeApiVersion: undefined,
      cacertFile: undefined,
      insecure: false,
      timeoutMs: 60_000,
      debug: false,
      keepGoing: false,
      useCache: true,
    });
  });

  it('reads boolean variables and --no-cache', () => {
    const settings = resolveSettings({ cache: false }, { OS_INSECURE: 'true', UCINDER_DEBUG: '1' });
    expect(settings.insecure).toBe(true);
    expect(settings.debug).toBe(true);
    expect(settings.useCache).toBe(false);
    expect(resolveSettings({}, { OS_INSECURE: 'no' }).insecure).toBe(false);
  });

  it('accepts fractional timeouts and rejects nonsense', () => {
    expect(resolveSettings({ timeout: '2.5' }, {}).timeoutMs).toBe(2500);
    expect(() => resolveSettings({ timeout: '0' }, {})).toThrow("invalid --timeout '0': expected a positive number of seconds");
    expect(() => resolveSettings({}, { UCINDER_TIMEOUT: 'soon' })).toThrow("invalid --timeout 'soon': expected a positive number of seconds");
  });
});

describe('transport settings on the command line', () => {
  const mock = mockCinderPerTest();

  it('--timeout abc is a usage error', async () => {
    const result = await run(['--timeout', 'abc', 'service', 'list'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: invalid --timeout 'abc': expected a positive number of seconds\n");
  });

  it('--timeout bounds every request with a one-line error naming it', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [] }).delay(2000);
    const result = await run(['--timeout', '0.2', 'service', 'list'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: no response from GET http://cinder.test:8776/ within 0.2 s (raise --timeout?)\n');
  });

  it('--insecure warns on stderr', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', version: '3.68', min_version: '3.0' }] });
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, { services: [] });
    const result = await run(['--insecure', 'service', 'list'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('ucinder: warning: TLS certificate verification is disabled (--insecure)\n');
  });

  it('an unreadable --os-cacert is a usage error before any connection', async () => {
    const result = await run(['--os-cacert', '/nonexistent/ca.pem', 'service', 'list'], mock.agent, { realTransport: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: cannot read --os-cacert '/nonexistent/ca.pem': ENOENT\n");
  });

  it('an unreadable OS_CACERT is a usage error too', async () => {
    const result = await run(['service', 'list'], mock.agent, { realTransport: true, env: { OS_CACERT: '/nonexistent/ca.pem' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: cannot read --os-cacert '/nonexistent/ca.pem': ENOENT\n");
  });

  it('a refused connection is one line naming the URL, exit 1', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const result = await run(['service', 'list'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: cannot reach GET http://cinder.test:8776/: connection refused\n');
  });
});
