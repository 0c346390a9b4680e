import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

function service(host: string, fields: object) {
  return { binary: 'cinder-volume', host, cluster: 'cl@be', state: 'up', status: 'disabled', ...fields };
}

describe('volume host failover', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function interceptServices(services: object[]) {
    mock.pool.intercept({ path: `${BASE_PATH}/os-services?binary=cinder-volume`, method: 'GET' }).reply(200, { services });
  }

  it('asks for the failover of a host (os-services/failover at 3.26+) and prints nothing, as openstack', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-services/failover', 202, '');
    const result = await run(['volume', 'host', 'failover', '--volume-backend', 'replica1', 'node1@mmj'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(calls).toEqual([{ method: 'PUT', path: '/os-services/failover', body: { host: 'node1@mmj', backend_id: 'replica1' } }]);
  });

  it('before 3.26 it is failover_host, as the API had it', async () => {
    interceptVersions(mock.pool, '3.25');
    record('PUT', '/os-services/failover_host', 202, '');
    const result = await run(['volume', 'host', 'failover', '--volume-backend', 'replica1', 'node1@mmj'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls[0]).toEqual({ method: 'PUT', path: '/os-services/failover_host', body: { host: 'node1@mmj', backend_id: 'replica1' } });
  });

  it("--cluster --wait polls the cluster's up services until they leave failing-over and report the new backend", async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-services/failover', 202, '');
    interceptServices([service('cl1@be', { replication_status: 'failing-over', active_backend_id: null })]);
    interceptServices([
      service('cl1@be', { replication_status: 'failed-over', active_backend_id: 'replica1' }),
      service('cl2@be', { replication_status: 'failed-over', active_backend_id: 'replica1' }),
      service('cl3@be', { state: 'down', replication_status: 'enabled', active_backend_id: null }),
      service('other@be', { cluster: null, replication_status: 'enabled', active_backend_id: null }),
    ]);
    const result = await run(['volume', 'host', 'failover', '--cluster', '--volume-backend', 'replica1', '--wait', 'cl@be', '-f', 'csv'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls[0]!.body).toEqual({ cluster: 'cl@be', backend_id: 'replica1' });
    expect(result.stdout).toBe('"Host","Replication Status","Active Backend ID"\n"cl1@be","failed-over","replica1"\n"cl2@be","failed-over","replica1"\n');
    expect(result.stderr).toContain('Waiting for cluster cl@be to fail over to replica1\n');
  });

  it('--wait: a failback to default is done when the active backend is empty again', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-services/failover', 202, '');
    interceptServices([service('node1@mmj', { cluster: null, status: 'enabled', replication_status: 'enabled', active_backend_id: '' })]);
    const result = await run(['volume', 'host', 'failover', '--volume-backend', 'default', '--wait', 'node1@mmj', '-f', 'value'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('node1@mmj enabled \n');
  });

  it('--wait: a target the service refused is exit 1 naming the backend it stayed on', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-services/failover', 202, '');
    interceptServices([service('node1@mmj', { cluster: null, status: 'enabled', replication_status: 'enabled', active_backend_id: null })]);
    const result = await run(['volume', 'host', 'failover', '--volume-backend', 'bogus', '--wait', 'node1@mmj'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ucinder: host node1@mmj did not fail over to bogus: enabled, active backend default; the volume service's log says why\n$/);
  });

  it('--wait: a driver error (failover-error, service disabled) is exit 1 with the reason', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-services/failover', 202, '');
    interceptServices([
      service('node1@mmj', {
        cluster: null,
        replication_status: 'failover-error',
        active_backend_id: null,
        disabled_reason: 'Driver reported error during replication failover completion.',
      }),
    ]);
    const result = await run(['volume', 'host', 'failover', '--volume-backend', 'replica1', '--wait', 'node1@mmj'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did not fail over to replica1: failover-error, active backend default (Driver reported error during replication failover completion.)');
  });

  it("an unknown host is Cinder's one line and exit 1", async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-services/failover', 400, { badRequest: { code: 400, message: 'No service found with host=nosuch@x' } });
    const result = await run(['volume', 'host', 'failover', '--volume-backend', 'replica1', 'nosuch@x'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: No service found with host=nosuch@x (HTTP 400)\n');
  });

  it('without --volume-backend it is a usage error before any request', async () => {
    const result = await run(['volume', 'host', 'failover', 'node1@mmj'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--volume-backend <backend-id>' not specified");
  });

  it('--cluster on a server older than 3.26 fails before the request', async () => {
    interceptVersions(mock.pool, '3.25');
    const result = await run(['volume', 'host', 'failover', '--cluster', '--volume-backend', 'replica1', 'cl@be'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('volume host failover --cluster needs Block Storage API microversion 3.26 or later, but this session uses 3.25');
  });
});
