import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

describe('cluster list', () => {
  const mock = mockCinderPerTest();

  it('cluster list --long uses /clusters/detail; the short list /clusters', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/clusters/detail?binary=cinder-volume`, method: 'GET', headers: { 'openstack-api-version': 'volume 3.70' } }).reply(200, {
      clusters: [
        {
          name: 'c@lvm',
          binary: 'cinder-volume',
          state: 'up',
          status: 'enabled',
          num_hosts: 2,
          num_down_hosts: 1,
          last_heartbeat: 't',
          disabled_reason: null,
          created_at: 'c',
          updated_at: null,
        },
      ],
    });
    const long = await run(['cluster', 'list', '--long', '--binary', 'cinder-volume', '-f', 'value', '-c', 'Name', '-c', 'Num Hosts', '-c', 'Num Down Hosts'], mock.agent);
    expect(long.stdout).toBe('c@lvm 2 1\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/clusters`, method: 'GET' }).reply(200, { clusters: [{ name: 'c@lvm', binary: 'cinder-volume', state: 'up', status: 'enabled' }] });
    const short = await run(['cluster', 'list', '-f', 'csv'], mock.agent);
    expect(short.stdout).toBe('"Name","Binary","State","Status"\n"c@lvm","cinder-volume","up","enabled"\n');
  });

  it('clusters on an older microversion: a clear error naming the needed version, no request', async () => {
    interceptVersions(mock.pool, '3.2');
    const clusters = await run(['cluster', 'list'], mock.agent);
    expect(clusters.code).toBe(1);
    expect(clusters.stderr).toContain('clusters needs Block Storage API microversion 3.7 or later, but this session uses 3.2');
  });
});
