import { beforeEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run, stubRecording } from '../../helpers/harness.js';

describe('volume service set', () => {
  const mock = mockCinderPerTest();
  let calls: { path: string; body: unknown }[] = [];
  beforeEach(() => {
    calls = [];
  });

  const record = (path: string, reply: object = {}) => stubRecording(mock.pool, 'PUT', path, (body) => calls.push({ path, body }), 200, reply);

  it('--disable with a reason uses disable-log-reason', async () => {
    interceptVersions(mock.pool);
    record('/os-services/disable-log-reason', { disabled: true, status: 'disabled' });
    const result = await run(['volume', 'service', 'set', '--disable', '--disable-reason', 'disk swap', 'node1@mmj', 'cinder-volume'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([{ path: '/os-services/disable-log-reason', body: { host: 'node1@mmj', binary: 'cinder-volume', disabled_reason: 'disk swap' } }]);
  });

  it('--disable without a reason and --enable use disable and enable', async () => {
    interceptVersions(mock.pool);
    record('/os-services/disable');
    expect((await run(['volume', 'service', 'set', '--disable', 'node1', 'cinder-scheduler'], mock.agent)).code).toBe(0);
    // Each run closes its transport: a fresh mock for the second.
    mock.renew();
    interceptVersions(mock.pool);
    record('/os-services/enable');
    expect((await run(['service', 'set', '--enable', 'node1', 'cinder-scheduler'], mock.agent)).code).toBe(0);
    expect(calls).toStrictEqual([
      { path: '/os-services/disable', body: { host: 'node1', binary: 'cinder-scheduler' } },
      { path: '/os-services/enable', body: { host: 'node1', binary: 'cinder-scheduler' } },
    ]);
  });

  it("an unknown service is Cinder's 404, exit 1", async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/os-services/enable`, method: 'PUT' })
      .reply(404, { itemNotFound: { code: 404, message: 'Service cinder-volume could not be found on host nohost.' } });
    const result = await run(['volume', 'service', 'set', '--enable', 'nohost', 'cinder-volume'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Service cinder-volume could not be found on host nohost. (HTTP 404)\n' });
  });

  it.each([
    [['--enable', '--disable'], "option '--enable' cannot be used with option '--disable'"],
    [[], 'ucinder: give --enable or --disable\n'],
    [['--disable-reason', 'x'], 'ucinder: --disable-reason needs --disable\n'],
    [['--enable', '--disable-reason', 'x'], 'ucinder: --disable-reason needs --disable\n'],
  ])('service set %j is a usage error before any request', async (flags, message) => {
    const result = await run(['volume', 'service', 'set', ...flags, 'node1', 'cinder-scheduler'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
