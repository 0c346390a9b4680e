import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const CLUSTER = { name: 'c@lvm', binary: 'cinder-volume', state: 'up', status: 'enabled' };

describe('block storage cluster list (= cluster list)', () => {
  const mock = mockCinderPerTest();

  it("openstack's filter flags become Cinder's query, false ones included (openstack drops those)", async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/clusters?name=c%40lvm&binary=cinder-volume&is_up=false&disabled=false&num_hosts=0&num_down_hosts=2`, method: 'GET' })
      .reply(200, { clusters: [CLUSTER] });
    const args = ['--cluster', 'c@lvm', '--binary', 'cinder-volume', '--down', '--enabled', '--num-hosts', '0', '--num-down-hosts', '2'];
    const result = await run(['block', 'storage', 'cluster', 'list', ...args, '-f', 'value'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('c@lvm cinder-volume up enabled\n');
  });

  it('--up and --down, --enabled and --disabled, --cluster and --name exclude each other', async () => {
    for (const pair of [
      ['--up', '--down'],
      ['--enabled', '--disabled'],
      ['--cluster', 'a', '--name', 'b'],
    ]) {
      const result = await run(['cluster', 'list', ...pair], mock.agent);
      expect(result.code, pair.join(' ')).toBe(2);
    }
  });

  it("a field the server does not send prints as '', as openstack prints it; null stays None", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/clusters/detail`, method: 'GET' }).reply(200, { clusters: [{ ...CLUSTER, num_hosts: 1, disabled_reason: null }] });
    const result = await run(['cluster', 'list', '--long', '-f', 'value', '-c', 'Num Hosts', '-c', 'Num Down Hosts', '-c', 'Disabled Reason'], mock.agent);
    expect(result.stdout).toBe('1  None\n');
  });
});
