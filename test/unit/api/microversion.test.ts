import { describe, expect, it } from 'vitest';
import { compareMicroversions, negotiateMicroversion, parseMicroversion, parsePinnedVersion } from '../../../src/api/microversion.js';
import { UsageError } from '../../../src/errors.js';
import { BASE_PATH, interceptVersions, mockCinderPerTest, PROJECT, run } from '../helpers/harness.js';

const v = (text: string) => parseMicroversion(text)!;

describe('microversion arithmetic', () => {
  it('parses 3, 3.59 and v3.0, and rejects anything else', () => {
    expect(parseMicroversion('3')).toEqual({ major: 3, minor: 0 });
    expect(parseMicroversion('3.59')).toEqual({ major: 3, minor: 59 });
    expect(parseMicroversion('v3.0')).toEqual({ major: 3, minor: 0 });
    expect(parseMicroversion('3.x')).toBeUndefined();
    expect(parseMicroversion('latest')).toBeUndefined();
    expect(parseMicroversion('3.5.1')).toBeUndefined();
  });

  it('compares numerically: 3.9 < 3.10', () => {
    expect(compareMicroversions(v('3.9'), v('3.10'))).toBeLessThan(0);
    expect(compareMicroversions(v('3.70'), v('3.8'))).toBeGreaterThan(0);
  });

  it('takes the lower of the client max (3.71) and the server max', () => {
    expect(negotiateMicroversion({ min: v('3.0'), max: v('3.68') })).toEqual(v('3.68'));
    expect(negotiateMicroversion({ min: v('3.0'), max: v('3.90') })).toEqual(v('3.71'));
    expect(negotiateMicroversion({ min: v('3.0'), max: v('3.0') })).toEqual(v('3.0'));
  });

  it('fails when the ranges do not meet, as a runtime error (exit 1), not a usage error', () => {
    const attempt = () => negotiateMicroversion({ min: v('3.80'), max: v('3.90') });
    expect(attempt).toThrow('no common API version: the server supports 3.80 to 3.90, ucinder supports 3.0 to 3.71');
    try {
      attempt();
    } catch (error) {
      expect(error).not.toBeInstanceOf(UsageError);
    }
  });

  it('checks a pin against the client range and then the server range', () => {
    expect(parsePinnedVersion('3.59')).toEqual(v('3.59'));
    expect(() => parsePinnedVersion('3.72')).toThrow('--os-volume-api-version 3.72 is not supported: ucinder supports 3.0 to 3.71');
    expect(() => parsePinnedVersion('2.0')).toThrow('--os-volume-api-version 2.0 is not supported: ucinder supports 3.0 to 3.71');
    expect(() => parsePinnedVersion('3.x')).toThrow("invalid --os-volume-api-version '3.x': expected 3 or 3.N (e.g. 3.59)");
    expect(negotiateMicroversion({ min: v('3.0'), max: v('3.68') }, v('3.27'))).toEqual(v('3.27'));
    expect(() => negotiateMicroversion({ min: v('3.0'), max: v('3.68') }, v('3.70'))).toThrow(
      'API version 3.70 is not supported by the server: it supports 3.0 to 3.68, ucinder supports 3.0 to 3.71',
    );
  });
});

describe('microversion header on requests', () => {
  const mock = mockCinderPerTest();

  function interceptServices(version: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET', headers: { 'openstack-api-version': `volume ${version}` } }).reply(200, { services: [] });
  }

  it('uses 3.68 against a 3.68 server, never 3.70 or 3.71', async () => {
    interceptVersions(mock.pool, '3.68');
    interceptServices('3.68');
    const result = await run(['service', 'list'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('uses 3.71 against a newer server', async () => {
    interceptVersions(mock.pool, '3.75');
    interceptServices('3.71');
    expect((await run(['service', 'list'], mock.agent)).code).toBe(0);
  });

  it('uses 3.0 against a server without microversions', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '', min_version: '' }] });
    interceptServices('3.0');
    expect((await run(['service', 'list'], mock.agent)).code).toBe(0);
  });

  it('falls back to 3.0 when the root lists no versions (a proxy forwarding only /v3)', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(404, '<html>Not Found</html>');
    interceptServices('3.0');
    expect((await run(['service', 'list'], mock.agent)).code).toBe(0);
  });

  it('uses the pin when the root lists no versions', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(404, '<html>Not Found</html>');
    interceptServices('3.44');
    expect((await run(['--os-volume-api-version', '3.44', 'service', 'list'], mock.agent)).code).toBe(0);
  });

  it('honours a pin from --os-volume-api-version', async () => {
    interceptVersions(mock.pool, '3.68');
    interceptServices('3.27');
    expect((await run(['--os-volume-api-version', '3.27', 'service', 'list'], mock.agent)).code).toBe(0);
  });

  it('honours a pin from OS_VOLUME_API_VERSION', async () => {
    interceptVersions(mock.pool, '3.68');
    interceptServices('3.50');
    expect((await run(['service', 'list'], mock.agent, { env: { OS_VOLUME_API_VERSION: '3.50' } })).code).toBe(0);
  });

  it('lets the flag beat the variable', async () => {
    interceptVersions(mock.pool, '3.68');
    interceptServices('3.10');
    const result = await run(['--os-volume-api-version', '3.10', 'service', 'list'], mock.agent, {
      env: { OS_VOLUME_API_VERSION: '3.50' },
    });
    expect(result.code).toBe(0);
  });

  it('rejects a pin outside the server range with exit 2 before the request, naming both ranges', async () => {
    interceptVersions(mock.pool, '3.68');
    const result = await run(['--os-volume-api-version', '3.70', 'service', 'list'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ucinder: API version 3.70 is not supported by the server: it supports 3.0 to 3.68, ucinder supports 3.0 to 3.71\n');
    expect(result.stdout).toBe('');
  });

  it.each(['3.x', 'latest', '4.0'])('rejects the pin %s with exit 2 and no request at all', async (pin) => {
    interceptVersions(mock.pool);
    const result = await run(['volume', 'list'], mock.agent, { env: { OS_VOLUME_API_VERSION: pin } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ucinder: .*--os-volume-api-version.*\n$/);
    // The discovery interceptor was never used.
    expect(mock.agent.pendingInterceptors()).toHaveLength(1);
    mock.discard();
  });

  it('sends the token of the project as X-Auth-Token', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET', headers: { 'x-auth-token': `admin:${PROJECT}` } }).reply(200, { services: [] });
    expect((await run(['service', 'list'], mock.agent)).code).toBe(0);
  });
});
