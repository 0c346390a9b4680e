import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const ZONES = {
  availabilityZoneInfo: [
    { zoneName: 'nova', zoneState: { available: true } },
    { zoneName: 'az2', zoneState: { available: false } },
  ],
};

describe('availability zone list', () => {
  const mock = mockCinderPerTest();

  it("--long adds openstack's columns, empty for volume zones (as `openstack availability zone list --volume --long` prints them)", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-availability-zone`, method: 'GET' }).reply(200, ZONES);
    const result = await run(['availability', 'zone', 'list', '--long', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual(['Zone Name', 'Zone Status', 'Zone Resource', 'Host Name', 'Service Name', 'Service Status']);
    expect(rows[1]).toEqual({ 'Zone Name': 'az2', 'Zone Status': 'not available', 'Zone Resource': '', 'Host Name': '', 'Service Name': '', 'Service Status': '' });
  });

  it("accepts openstack's --volume (ucinder lists volume zones only)", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-availability-zone`, method: 'GET' }).reply(200, ZONES);
    const result = await run(['availability', 'zone', 'list', '--volume', '-f', 'csv'], mock.agent);
    expect(result.stdout).toBe('"Zone Name","Zone Status"\n"nova","available"\n"az2","not available"\n');
  });
});
