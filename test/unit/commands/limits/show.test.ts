import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

describe('limits show', () => {
  const mock = mockCinderPerTest();

  it('limits show: absolute by default, --rate flattens the rate groups', async () => {
    const limits = {
      limits: {
        absolute: { maxTotalVolumes: 10, totalVolumesUsed: 3 },
        rate: [{ uri: '*', regex: '.*', limit: [{ verb: 'POST', value: 10, remaining: 9, unit: 'MINUTE', 'next-available': '2024-01-01T00:00:00Z' }] }],
      },
    };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/limits`, method: 'GET' }).reply(200, limits);
    expect((await run(['limits', 'show', '-f', 'value'], mock.agent)).stdout).toBe('maxTotalVolumes 10\ntotalVolumesUsed 3\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/limits`, method: 'GET' }).reply(200, limits);
    expect((await run(['limits', 'show', '--rate', '-f', 'value'], mock.agent)).stdout).toBe('POST * 10 9 MINUTE 2024-01-01T00:00:00Z\n');
    mock.renew();
    const both = await run(['limits', 'show', '--rate', '--absolute'], mock.agent);
    expect(both.code).toBe(2);
  });
});
