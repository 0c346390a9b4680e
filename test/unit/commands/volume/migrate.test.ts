import { beforeEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';

const ID = '55555555-0000-4000-8000-000000000005';

function volume(extra: Record<string, unknown> = {}) {
  return { id: ID, name: 'vol1', status: 'available', size: 1, migration_status: null, ...extra };
}

describe('volume migrate', () => {
  const mock = mockCinderPerTest();
  let bodies: unknown[] = [];
  beforeEach(() => {
    bodies = [];
  });

  function get(extra: Record<string, unknown> = {}) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(200, { volume: volume(extra) });
  }

  it('migrate sends host, force_host_copy and lock_volume', async () => {
    interceptVersions(mock.pool);
    get();
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}/action`, method: 'POST' }).reply(202, (options) => {
      bodies.push(jsonBody(options.body));
      return '';
    });
    const result = await run(['volume', 'migrate', '--host', 'node1@mmj2#mmj2', '--force-host-copy', '--lock-volume', ID], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(bodies).toStrictEqual([{ 'os-migrate_volume': { host: 'node1@mmj2#mmj2', force_host_copy: true, lock_volume: true } }]);
  });

  it('migrate --cluster sends the cluster instead of a host (3.16+)', async () => {
    interceptVersions(mock.pool);
    get();
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}/action`, method: 'POST' }).reply(202, (options) => {
      bodies.push(jsonBody(options.body));
      return '';
    });
    const result = await run(['volume', 'migrate', '--cluster', 'c1@lvm#lvm', ID], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(bodies).toStrictEqual([{ 'os-migrate_volume': { cluster: 'c1@lvm#lvm', force_host_copy: false, lock_volume: false } }]);
  });

  it('migrate --cluster on a server older than 3.16 fails before any volume request', async () => {
    interceptVersions(mock.pool, '3.15');
    const result = await run(['volume', 'migrate', '--cluster', 'c1@lvm#lvm', ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: volume migrate --cluster needs Block Storage API microversion 3.16 or later, but this session uses 3.15 ' + "(the server's maximum)\n");
  });

  it.each([
    [[], 'ucinder: give the destination: --host or --cluster\n'],
    [['--host', 'h@b#p', '--cluster', 'c@b#p'], "option '--host <host>' cannot be used with option '--cluster <cluster>'"],
  ])('%j is a usage error before any request', async (flags, message) => {
    const result = await run(['volume', 'migrate', ...flags, ID], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('migrate --wait follows migration_status to success', async () => {
    interceptVersions(mock.pool);
    get({ migration_status: 'error' });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}/action`, method: 'POST' }).reply(202, (options) => {
      bodies.push(jsonBody(options.body));
      return '';
    });
    get({ migration_status: 'starting' });
    get({ migration_status: 'migrating', status: 'maintenance' });
    get({ migration_status: 'success' });
    const result = await run(['volume', 'migrate', '--host', 'h@b#p', '--wait', ID], mock.agent);
    expect(result.code).toBe(0);
    expect(bodies).toStrictEqual([{ 'os-migrate_volume': { host: 'h@b#p', force_host_copy: false, lock_volume: false } }]);
    expect(result.stderr).toBe(
      "Waiting for the migration of volume 'vol1'\nmigration of volume 'vol1': starting\nmigration of volume 'vol1': migrating\n" +
        "migration of volume 'vol1': success\nvolume 'vol1' migrated\n",
    );
  });

  it('migrate --wait fails on migration_status error and points at the log when Cinder left no message', async () => {
    interceptVersions(mock.pool);
    get();
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}/action`, method: 'POST' }).reply(202, '');
    get({ migration_status: 'error' });
    mock.pool
      .intercept({ path: `${BASE_PATH}/os-services?binary=cinder-scheduler`, method: 'GET' })
      .reply(200, { services: [{ binary: 'cinder-scheduler', host: 'node1', zone: 'nova', status: 'enabled', state: 'up' }] });
    const result = await run(['volume', 'migrate', '--host', 'h@b#p', '--wait', ID], mock.agent);
    expect(result.code).toBe(1);
    // Which log depends on where it failed: the scheduler (it refused the destination) or the source's cinder-volume.
    expect(result.stderr).toContain(
      "ucinder: migration of volume 'vol1' is in status 'error': Cinder left no user message. Now: status 'available', migration_status 'error'. " +
        "Cinder logged the reason: cinder-scheduler (node1) if it refused the destination h@b#p, else the volume's cinder-volume, the source backend\n",
    );
  });
});
