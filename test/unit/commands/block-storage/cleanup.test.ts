import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const DEAD = { id: 4, host: 'cl1@be', binary: 'cinder-volume', cluster_name: 'cl@be' };
const LONELY = { id: 9, host: 'solo@be', binary: 'cinder-volume', cluster_name: null };

describe('block storage cleanup', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('sends every filter under its API name and prints both lists in one table, as openstack does', async () => {
    interceptVersions(mock.pool);
    record('POST', '/workers/cleanup', 202, { cleaning: [DEAD], unavailable: [LONELY] });
    const result = await run(
      [
        'block',
        'storage',
        'cleanup',
        '--cluster',
        'cl@be',
        '--host',
        'cl1@be',
        '--binary',
        'cinder-volume',
        '--down',
        '--enabled',
        '--resource-id',
        '8e2d9db9-5cae-4fbf-8ab4-90bed4b79c00',
        '--resource-type',
        'Volume',
        '--service-id',
        '4',
      ],
      mock.agent,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/workers/cleanup',
        body: {
          cluster_name: 'cl@be',
          host: 'cl1@be',
          binary: 'cinder-volume',
          is_up: false,
          disabled: false,
          resource_id: '8e2d9db9-5cae-4fbf-8ab4-90bed4b79c00',
          resource_type: 'Volume',
          service_id: 4,
        },
      },
    ]);
    expect(result.stdout).toBe(
      [
        '+----+--------------+---------+---------------+-------------+',
        '| ID | Cluster Name | Host    | Binary        | Status      |',
        '+----+--------------+---------+---------------+-------------+',
        '|  4 | cl@be        | cl1@be  | cinder-volume | Cleaning    |',
        '|  9 | None         | solo@be | cinder-volume | Unavailable |',
        '+----+--------------+---------+---------------+-------------+',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(
      'ucinder: warning: no live service can clean up for solo@be: start another node of its cluster (or the service itself), then run the cleanup again\n',
    );
  });

  it('without filters sends an empty body (Cinder then cleans the services that are down) and says when nothing matched', async () => {
    interceptVersions(mock.pool);
    record('POST', '/workers/cleanup', 202, { cleaning: [], unavailable: [] });
    const result = await run(['block', 'storage', 'cleanup', '--up', '--disabled', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(calls[0]!.body).toEqual({ is_up: true, disabled: true });
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toContain('ucinder: warning: no cleanable service matched');
  });

  it("--wait follows the cleaned services' volumes and snapshots (all nodes of their cluster) until none is transitional, then says what became of them", async () => {
    interceptVersions(mock.pool);
    record('POST', '/workers/cleanup', 202, { cleaning: [DEAD], unavailable: [] });
    mock.pool.intercept({ path: `${BASE_PATH}/os-services?binary=cinder-volume`, method: 'GET' }).reply(200, {
      services: [
        { binary: 'cinder-volume', host: 'cl1@be', cluster: 'cl@be', state: 'down' },
        { binary: 'cinder-volume', host: 'cl2@be', cluster: 'cl@be', state: 'up' },
        { binary: 'cinder-volume', host: 'other@be', cluster: null, state: 'up' },
      ],
    });
    const stuck = { id: 'v1', name: 'dn', status: 'creating', 'os-vol-host-attr:host': 'cl2@be#be' };
    const elsewhere = { id: 'v2', name: 'x', status: 'creating', 'os-vol-host-attr:host': 'other@be#be' };
    // Rounds of listings: before the cleanup is asked for, at the first poll (still creating), then not.
    for (const creating of [[stuck, elsewhere], [stuck, elsewhere], [elsewhere]]) {
      for (const status of ['creating', 'downloading', 'uploading', 'deleting']) {
        mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?all_tenants=1&status=${status}`, method: 'GET' }).reply(200, { volumes: status === 'creating' ? creating : [] });
      }
      for (const status of ['creating', 'deleting']) {
        mock.pool.intercept({ path: `${BASE_PATH}/snapshots/detail?all_tenants=1&status=${status}`, method: 'GET' }).reply(200, { snapshots: [] });
      }
    }
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/v1`, method: 'GET' }).reply(200, { volume: { ...stuck, status: 'error' } });
    const result = await run(['block', 'storage', 'cleanup', '--cluster', 'cl@be', '--wait', '-f', 'value'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('4 cl@be cl1@be cinder-volume Cleaning\n');
    expect(result.stderr).toContain('still in progress: volume v1 (dn) creating');
    expect(result.stderr).not.toContain('v2');
    expect(result.stderr).toContain('no volume or snapshot of cl1@be, cl2@be is left in a transitional status\n');
    expect(result.stderr).toContain('volume v1 (dn): creating -> error\n');
    expect(result.stderr).not.toContain('volume v2');
  });

  it('--wait reports what was stuck before the cleanup even when the live node was done before the first poll', async () => {
    const stuck = { id: 'v1', name: '', status: 'deleting', 'os-vol-host-attr:host': 'cl1@be#be' };
    for (const deleting of [[stuck], []]) {
      for (const status of ['creating', 'downloading', 'uploading', 'deleting']) {
        mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?all_tenants=1&status=${status}`, method: 'GET' }).reply(200, { volumes: status === 'deleting' ? deleting : [] });
      }
      for (const status of ['creating', 'deleting']) {
        mock.pool.intercept({ path: `${BASE_PATH}/snapshots/detail?all_tenants=1&status=${status}`, method: 'GET' }).reply(200, { snapshots: [] });
      }
    }
    interceptVersions(mock.pool);
    record('POST', '/workers/cleanup', 202, { cleaning: [{ ...DEAD, cluster_name: null }], unavailable: [] });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/v1`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'Volume v1 could not be found.' } });
    const result = await run(['block', 'storage', 'cleanup', '--host', 'cl1@be', '--wait'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('still in progress');
    expect(result.stderr).toContain('volume v1: deleting -> deleted\n');
  });

  it('--wait names what is still stuck when it times out (exit 1)', async () => {
    interceptVersions(mock.pool);
    record('POST', '/workers/cleanup', 202, { cleaning: [{ ...DEAD, cluster_name: null }], unavailable: [] });
    const stuck = { id: 'v1', name: '', status: 'deleting', 'os-vol-host-attr:host': 'cl1@be#be' };
    for (const status of ['creating', 'downloading', 'uploading', 'deleting']) {
      mock.pool
        .intercept({ path: `${BASE_PATH}/volumes/detail?all_tenants=1&status=${status}`, method: 'GET' })
        .reply(200, { volumes: status === 'deleting' ? [stuck] : [] })
        .persist();
    }
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/detail?all_tenants=1&status=creating`, method: 'GET' })
      .reply(200, { snapshots: [] })
      .persist();
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/detail?all_tenants=1&status=deleting`, method: 'GET' })
      .reply(200, { snapshots: [{ id: 's1', name: 'snap', status: 'deleting', volume_id: 'v1' }] })
      .persist();
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/v1`, method: 'GET' })
      .reply(200, { volume: stuck })
      .persist();
    let clock = 0;
    const result = await run(['block', 'storage', 'cleanup', '--host', 'cl1@be', '--wait', '--wait-timeout', '5'], mock.agent, {
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /ucinder: timed out after 5 s waiting for the cleanup of cl1@be \(last status 'still in progress: volume v1 deleting; snapshot s1 \(snap\) deleting'\); it continues on the server\n$/,
    );
  });

  it.each([
    [['--up', '--down'], "option '--up' cannot be used with option '--down'"],
    [['--enabled', '--disabled'], "option '--disabled' cannot be used with option '--enabled'"],
    [['--resource-type', 'Backup'], "option '--resource-type <type>' argument 'Backup' is invalid"],
    [['--service-id', 'abc'], '--service-id'],
  ])('%j is a usage error before any request', async (flags, message) => {
    const result = await run(['block', 'storage', 'cleanup', ...flags], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a server older than 3.24 fails before the request', async () => {
    interceptVersions(mock.pool, '3.23');
    const result = await run(['block', 'storage', 'cleanup', '--host', 'cl1@be'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: block storage cleanup needs Block Storage API microversion 3.24 or later, but this session uses 3.23 (the server's maximum)\n");
  });
});
