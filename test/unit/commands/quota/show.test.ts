import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, PROJECT, run } from '../../helpers/harness.js';

describe('quota show', () => {
  const mock = mockCinderPerTest();

  it('quota show defaults to the session project; --usage adds in use and reserved', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/${PROJECT}`, method: 'GET' }).reply(200, { quota_set: { id: PROJECT, volumes: 10, gigabytes: -1 } });
    // One record, keys sorted, as `openstack quota show -f value` (project_name None: noauth knows no names).
    expect((await run(['quota', 'show', '-f', 'value'], mock.agent)).stdout).toBe(`-1\n${PROJECT}\nNone\n10\n`);
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/other-project?usage=true`, method: 'GET' }).reply(200, {
      quota_set: { id: 'other-project', volumes: { limit: 10, in_use: 2, reserved: 1 } },
    });
    const usage = await run(['quota', 'show', 'other-project', '--usage', '-f', 'json'], mock.agent);
    expect(JSON.parse(usage.stdout)).toEqual([{ Resource: 'volumes', Limit: 10, 'In Use': 2, Reserved: 1 }]);
  });
});
