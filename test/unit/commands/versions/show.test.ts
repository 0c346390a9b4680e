import { describe, expect, it } from 'vitest';
import { ENDPOINT_ROOT, mockCinderPerTest, run } from '../../helpers/harness.js';

const VERSIONS = {
  versions: [
    { id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0', links: [{ rel: 'self', href: `${ENDPOINT_ROOT}/v3/` }] },
    { id: 'v2.0', status: 'DEPRECATED', version: '', min_version: '', links: [{ rel: 'self', href: `${ENDPOINT_ROOT}/v2/` }] },
  ],
};

describe('versions show', () => {
  const mock = mockCinderPerTest();

  it("lists the root's versions under openstack's columns, for the block-storage service", async () => {
    // Once for the session's discovery, once for the listing.
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(300, VERSIONS).times(2);
    const result = await run(['versions', 'show', '--os-region-name', 'RegionOne', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      {
        'Region Name': 'RegionOne',
        'Service Type': 'block-storage',
        Version: '3.0',
        Status: 'CURRENT',
        Endpoint: `${ENDPOINT_ROOT}/v3/`,
        'Min Microversion': '3.0',
        'Max Microversion': '3.70',
      },
      {
        'Region Name': 'RegionOne',
        'Service Type': 'block-storage',
        Version: '2.0',
        Status: 'DEPRECATED',
        Endpoint: `${ENDPOINT_ROOT}/v2/`,
        'Min Microversion': null,
        'Max Microversion': null,
      },
    ]);
  });

  it('--status filters case-insensitively', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(300, VERSIONS).times(2);
    const result = await run(['versions', 'show', '--status', 'deprecated', '-f', 'value', '-c', 'Version'], mock.agent);
    expect(result.stdout).toBe('2.0\n');
  });

  it('another service or an unknown status is a usage error before any request', async () => {
    const service = await run(['versions', 'show', '--service', 'compute'], mock.agent);
    expect(service.code).toBe(2);
    expect(service.stderr).toBe("ucinder: --service 'compute': ucinder shows the block-storage service only\n");
    const status = await run(['versions', 'show', '--status', 'bogus'], mock.agent);
    expect(status.code).toBe(2);
    expect(status.stderr).toBe("ucinder: --status 'bogus': expected one of SUPPORTED, CURRENT, DEPRECATED, EXPERIMENTAL\n");
  });
});
