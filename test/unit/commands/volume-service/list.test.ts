import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const SERVICES = [
  { binary: 'cinder-scheduler', host: 'node1', zone: 'nova', status: 'enabled', state: 'up', updated_at: '2024-05-01T10:00:00.000000', disabled_reason: null, cluster: null },
  {
    binary: 'cinder-volume',
    host: 'node1@mmj',
    zone: 'nova',
    status: 'disabled',
    state: 'down',
    updated_at: '2024-05-01T09:00:00.000000',
    disabled_reason: 'maintenance',
    cluster: 'c1@mmj',
    backend_state: 'up',
    replication_status: 'failed-over',
    active_backend_id: 'secondary',
    frozen: true,
  },
];

describe('volume service list', () => {
  const mock = mockCinderPerTest();

  it('lists services under openstack column names', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, { services: SERVICES });
    const result = await run(['volume', 'service', 'list', '-f', 'value'], mock.agent);
    expect(result.stdout).toBe('cinder-scheduler node1 nova enabled up 2024-05-01T10:00:00.000000\ncinder-volume node1@mmj nova disabled down 2024-05-01T09:00:00.000000\n');
  });

  it('--host and --service become host and binary in the query', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services?host=node1%40mmj&binary=cinder-volume`, method: 'GET' }).reply(200, { services: [SERVICES[1]] });
    const result = await run(['service', 'list', '--host', 'node1@mmj', '--service', 'cinder-volume', '-f', 'value', '-c', 'Host'], mock.agent);
    expect(result.stdout).toBe('node1@mmj\n');
  });

  it("--long adds openstack's Disabled Reason, then ucinder's own Cluster, Backend State and replication fields", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, { services: SERVICES });
    const result = await run(['service', 'list', '--long', '-f', 'json'], mock.agent);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    // `openstack volume service list --long`: Binary, Host, Zone, Status, State, Updated At, Disabled Reason.
    expect(Object.keys(rows[0]!)).toEqual([
      'Binary',
      'Host',
      'Zone',
      'Status',
      'State',
      'Updated At',
      'Disabled Reason',
      'Cluster',
      'Backend State',
      'Replication Status',
      'Active Backend ID',
      'Frozen',
    ]);
    expect(rows.map((row) => Object.values(row).slice(6))).toEqual([
      [null, null, null, null, null, null],
      ['maintenance', 'c1@mmj', 'up', 'failed-over', 'secondary', true],
    ]);
  });

  it('--long on a 3.0 server keeps an empty Cluster column, no error', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '', min_version: '' }] });
    const old = SERVICES.map(({ cluster: _cluster, ...rest }) => rest);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET', headers: { 'openstack-api-version': 'volume 3.0' } }).reply(200, { services: old });
    const result = await run(['volume', 'service', 'list', '--long', '-f', 'csv', '-c', 'Binary', '-c', 'Cluster'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('"Binary","Cluster"\n"cinder-scheduler",""\n"cinder-volume",""\n');
  });

  it('--sort-column with --sort-descending orders the rows', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, { services: SERVICES });
    const result = await run(['service', 'list', '-f', 'value', '-c', 'Binary', '--sort-column', 'Updated At'], mock.agent);
    expect(result.stdout).toBe('cinder-volume\ncinder-scheduler\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, { services: SERVICES });
    const descending = await run(['service', 'list', '-f', 'value', '-c', 'Binary', '--sort-column', 'binary', '--sort-descending'], mock.agent);
    expect(descending.stdout).toBe('cinder-volume\ncinder-scheduler\n');
  });

  it('an unknown --sort-column is a usage error before any request', async () => {
    const result = await run(['service', 'list', '--sort-column', 'Nope'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: unknown sort column 'Nope': choose from 'Binary', 'Host', 'Zone', 'Status', 'State', 'Updated At'\n");
  });
});
