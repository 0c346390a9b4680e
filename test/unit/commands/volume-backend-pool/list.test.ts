import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

describe('volume backend pool list', () => {
  const mock = mockCinderPerTest();

  it('volume backend pool list --long reads get_pools?detail=true capabilities', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/scheduler-stats/get_pools?detail=true`, method: 'GET' }).reply(200, {
      pools: [
        {
          name: 'node1@mmj#mmj',
          capabilities: {
            volume_backend_name: 'mmj',
            vendor_name: 'ucinder',
            storage_protocol: 'iSCSI',
            total_capacity_gb: 1000,
            free_capacity_gb: 990.5,
            allocated_capacity_gb: 9,
            provisioned_capacity_gb: 10,
            total_volumes: 4,
            thin_provisioning_support: true,
            max_over_subscription_ratio: '20.0',
            backend_state: 'up',
          },
        },
      ],
    });
    const result = await run(['volume', 'backend', 'pool', 'list', '--long', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        Name: 'node1@mmj#mmj',
        'Backend Name': 'mmj',
        Vendor: 'ucinder',
        Protocol: 'iSCSI',
        'Total GiB': 1000,
        'Free GiB': 990.5,
        'Allocated GiB': 9,
        'Provisioned GiB': 10,
        Volumes: 4,
        Thin: true,
        'Max Over Ratio': '20.0',
        State: 'up',
      },
    ]);
  });

  it('backend list is the short pool list', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/scheduler-stats/get_pools?detail=true`, method: 'GET' }).reply(200, { pools: [{ name: 'a@b#c' }] });
    const result = await run(['backend', 'list', '-f', 'value'], mock.agent);
    expect(result.stdout).toBe('a@b#c\n');
  });
});
