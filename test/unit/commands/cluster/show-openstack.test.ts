import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

/** A cluster as Cinder 3.7 returns it: no replication fields yet (they come with 3.26). */
const CLUSTER_3_7 = {
  name: 'c@lvm',
  binary: 'cinder-volume',
  state: 'up',
  status: 'enabled',
  disabled_reason: null,
  num_hosts: 2,
  num_down_hosts: 0,
  last_heartbeat: '2024-05-01T10:00:00.000000',
  created_at: '2024-05-01T09:00:00.000000',
  updated_at: null,
};

describe('block storage cluster show (= cluster show)', () => {
  const mock = mockCinderPerTest();

  it("prints openstack's headers in openstack's (unsorted) order, replication fields empty before 3.26", async () => {
    interceptVersions(mock.pool, '3.7');
    mock.pool.intercept({ path: `${BASE_PATH}/clusters/c%40lvm`, method: 'GET' }).reply(200, { cluster: CLUSTER_3_7 });
    const result = await run(['block', 'storage', 'cluster', 'show', 'c@lvm', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    const shown = JSON.parse(result.stdout) as Record<string, unknown>;
    // `openstack --os-volume-api-version 3.7 block storage cluster show` on the test bed.
    expect(Object.keys(shown)).toEqual([
      'Name',
      'Binary',
      'State',
      'Status',
      'Disabled Reason',
      'Hosts',
      'Down Hosts',
      'Last Heartbeat',
      'Created At',
      'Updated At',
      'Replication Status',
      'Frozen',
      'Active Backend ID',
    ]);
    expect(shown).toMatchObject({ Hosts: 2, 'Disabled Reason': null, 'Replication Status': '', Frozen: '', 'Active Backend ID': '' });
  });

  it("--raw prints Cinder's own fields, sorted", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/clusters/c%40lvm`, method: 'GET' }).reply(200, { cluster: { ...CLUSTER_3_7, frozen: false } });
    const result = await run(['cluster', 'show', 'c@lvm', '--raw', '-f', 'value', '-c', 'num_hosts', '-c', 'frozen', '-c', 'binary'], mock.agent);
    expect(result.stdout).toBe('cinder-volume\nFalse\n2\n');
  });
});
