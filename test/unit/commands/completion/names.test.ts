import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../../src/cli/settings.js';
import { NameCache, nameScope } from '../../../../src/state/name-cache.js';
import { cacheDir } from '../../../../src/state/paths.js';
import { BASE_PATH, ENDPOINT_ROOT, interceptVersions, mockCinderPerTest, PROJECT, run, tempDir } from '../../helpers/harness.js';

/** The cache `completion names` reads for run's environment. */
function cacheFor(env: Record<string, string>) {
  const fullEnv = { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, ...env };
  return new NameCache(cacheDir(fullEnv), nameScope(resolveSettings({}, fullEnv)));
}

describe('ucinder completion names <kind>', () => {
  const mock = mockCinderPerTest();

  it('prints the cached names, one per line, without a request', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    await cacheFor(env).write('volume', ['vol1', 'vol 2']);
    const result = await run(['completion', 'names', 'volume'], mock.agent, { env });
    expect(result).toEqual({ code: 0, stdout: 'vol1\nvol 2\n', stderr: '' });
  });

  it('with no cache, lists the resource (names, IDs of unnamed ones) and caches the answer', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail`, method: 'GET' }).reply(200, {
      volumes: [
        { id: 'id-1', name: 'zeta', status: 'available', size: 1, attachments: [] },
        { id: 'id-2', name: '', status: 'available', size: 1, attachments: [] },
        { id: 'id-3', name: 'alpha', status: 'available', size: 1, attachments: [] },
        { id: 'id-4', name: 'alpha', status: 'error', size: 1, attachments: [] },
      ],
    });
    const result = await run(['completion', 'names', 'volume'], mock.agent, { env });
    expect(result).toEqual({ code: 0, stdout: 'alpha\nid-2\nzeta\n', stderr: '' });
    const stored = JSON.parse(readFileSync(cacheFor(env).fileFor('volume'), 'utf8')) as { names: string[] };
    expect(stored.names).toEqual(['alpha', 'id-2', 'zeta']);
  });

  it('lists service hosts for `host`', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, {
      services: [
        { binary: 'cinder-volume', host: 'node1@mmj', zone: 'nova', status: 'enabled', state: 'up', updated_at: null },
        { binary: 'cinder-volume', host: 'node1@mmj2', zone: 'nova', status: 'enabled', state: 'up', updated_at: null },
        { binary: 'cinder-scheduler', host: 'node1', zone: 'nova', status: 'enabled', state: 'up', updated_at: null },
      ],
    });
    const result = await run(['completion', 'names', 'host'], mock.agent, { env });
    expect(result.stdout).toBe('node1\nnode1@mmj\nnode1@mmj2\n');
  });

  it('lists transfer request names (IDs of unnamed ones) for `transfer`', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volume-transfers/detail`, method: 'GET' }).reply(200, {
      transfers: [
        { id: 't-1', name: 'to-team-b', volume_id: 'v-1' },
        { id: 't-2', name: null, volume_id: 'v-2' },
      ],
    });
    const result = await run(['completion', 'names', 'transfer'], mock.agent, { env });
    expect(result.stdout).toBe('t-2\nto-team-b\n');
  });

  it('lists QoS specification names for `qos`', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs`, method: 'GET' }).reply(200, {
      qos_specs: [
        { id: 'q2', name: 'slow', consumer: 'both', specs: {} },
        { id: 'q1', name: 'fast', consumer: 'front-end', specs: {} },
      ],
    });
    const result = await run(['completion', 'names', 'qos'], mock.agent, { env });
    expect(result.stdout).toBe('fast\nslow\n');
  });

  it('lists backup names (IDs of unnamed ones) for `backup`', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/backups/detail`, method: 'GET' }).reply(200, {
      backups: [
        { id: 'b-1', name: 'vol1-monday', status: 'available' },
        { id: 'b-2', name: null, status: 'creating' },
      ],
    });
    const result = await run(['completion', 'names', 'backup'], mock.agent, { env });
    expect(result).toEqual({ code: 0, stdout: 'b-2\nvol1-monday\n', stderr: '' });
  });

  it('lists attachment IDs for `attachment` (3.27+), nothing on an older server', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/attachments/detail`, method: 'GET' }).reply(200, {
      attachments: [
        { id: 'att-2', volume_id: 'v', status: 'attached' },
        { id: 'att-1', volume_id: 'v', status: 'reserved' },
      ],
    });
    expect((await run(['completion', 'names', 'attachment'], mock.agent, { env })).stdout).toBe('att-1\natt-2\n');
    mock.renew();
    interceptVersions(mock.pool, '3.26');
    const old = await run(['completion', 'names', 'attachment'], mock.agent, { env: { XDG_CACHE_HOME: tempDir('names-cmd') } });
    expect(old).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('lists volume groups, group types and group snapshots (names, IDs of unnamed ones)', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/detail`, method: 'GET' }).reply(200, {
      groups: [
        { id: 'g-1', name: 'app1', status: 'available' },
        { id: 'g-2', name: null, status: 'available' },
      ],
    });
    expect((await run(['completion', 'names', 'group'], mock.agent, { env })).stdout).toBe('app1\ng-2\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/group_types?is_public=None`, method: 'GET' }).reply(200, { group_types: [{ id: 't-1', name: 'app-group' }] });
    expect((await run(['completion', 'names', 'group-type'], mock.agent, { env })).stdout).toBe('app-group\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/group_snapshots/detail`, method: 'GET' }).reply(200, { group_snapshots: [{ id: 's-1', name: 'nightly', status: 'available' }] });
    expect((await run(['completion', 'names', 'group-snapshot'], mock.agent, { env })).stdout).toBe('nightly\n');
  });

  it('never fails the TAB when the cloud cannot be reached: no names, no message, exit 0', async () => {
    const env = { XDG_CACHE_HOME: tempDir('names-cmd') };
    const result = await run(['completion', 'names', 'snapshot'], mock.agent, { env });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('rejects an unknown kind as a usage error', async () => {
    const result = await run(['completion', 'names', 'bogus'], mock.agent, { env: { XDG_CACHE_HOME: tempDir('names-cmd') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "ucinder: unknown name kind 'bogus': choose from volume, type, snapshot, service, host, transfer, qos, backup, cluster, attachment, group, group-type, group-snapshot\n",
    );
  });

  it('is not shown in help', async () => {
    const result = await run(['completion', '--help'], mock.agent);
    const commands = result.stdout.slice(result.stdout.indexOf('Commands:'));
    expect(commands).toMatch(/^\s+bash\b/m);
    expect(commands).not.toMatch(/^\s+names\b/m);
  });
});
