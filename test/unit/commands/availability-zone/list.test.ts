import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

describe('availability zone list', () => {
  const mock = mockCinderPerTest();

  it('availability zone list', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-availability-zone`, method: 'GET' }).reply(200, {
      availabilityZoneInfo: [
        { zoneName: 'nova', zoneState: { available: true } },
        { zoneName: 'az2', zoneState: { available: false } },
      ],
    });
    const result = await run(['availability', 'zone', 'list', '-f', 'value'], mock.agent);
    expect(result.stdout).toBe('nova available\naz2 not available\n');
  });
});
