import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';
const SNAP_ID = '22222222-0000-4000-8000-000000000002';
const BACKUP_ID = '33333333-0000-4000-8000-000000000003';

function backup(status: string, extra: Record<string, unknown> = {}) {
  return { id: BACKUP_ID, name: 'b1', status, size: 1, volume_id: VOL_ID, metadata: {}, fail_reason: null, links: [{ rel: 'self', href: 'x' }], ...extra };
}

describe('volume backup create', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function volumeByName(name: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${name}`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=${name}`, method: 'GET' }).reply(200, { volumes: [{ id: VOL_ID, name, status: 'available', size: 1 }] });
  }

  it('sends every option and prints what openstack prints: id and name (links dropped)', async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/snap1`, method: 'GET' })
      .reply(200, { snapshot: { id: SNAP_ID, name: 'snap1', status: 'available', size: 1, volume_id: VOL_ID } });
    record('POST', '/backups', 202, { backup: { id: BACKUP_ID, name: 'b1', links: [{ rel: 'self', href: 'x' }] } });
    const result = await run(
      [
        'volume',
        'backup',
        'create',
        '--name',
        'b1',
        '--description',
        'd',
        '--container',
        'c',
        '--snapshot',
        'snap1',
        '--incremental',
        '--force',
        '--property',
        'a=1',
        '--availability-zone',
        'nova',
        'vol1',
        '-f',
        'json',
      ],
      mock.agent,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ id: BACKUP_ID, name: 'b1' });
    expect(calls).toStrictEqual([
      {
        method: 'POST',
        path: '/backups',
        body: {
          backup: {
            volume_id: VOL_ID,
            name: 'b1',
            description: 'd',
            container: 'c',
            incremental: true,
            force: true,
            metadata: { a: '1' },
            availability_zone: 'nova',
            snapshot_id: SNAP_ID,
          },
        },
      },
    ]);
  });

  it('--wait polls until available and prints the whole backup', async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    record('POST', '/backups', 202, { backup: { id: BACKUP_ID, name: 'b1', links: [] } });
    mock.pool.intercept({ path: `${BASE_PATH}/backups/${BACKUP_ID}`, method: 'GET' }).reply(200, { backup: backup('creating') });
    mock.pool.intercept({ path: `${BASE_PATH}/backups/${BACKUP_ID}`, method: 'GET' }).reply(200, { backup: backup('available') });
    const result = await run(['volume', 'backup', 'create', '--wait', 'vol1', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("Waiting for backup 'b1' to become available\nbackup 'b1': creating\nbackup 'b1': available\nbackup 'b1' is available\n");
    const shown = JSON.parse(result.stdout);
    expect(Object.keys(shown)).toEqual(['fail_reason', 'id', 'metadata', 'name', 'size', 'status', 'volume_id']);
    expect(calls[0]!.body).toStrictEqual({ backup: { volume_id: VOL_ID, incremental: false, force: false } });
  });

  it("--wait fails with cinder-backup's fail_reason when the backup ends in error", async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    record('POST', '/backups', 202, { backup: { id: BACKUP_ID, name: 'b1', links: [] } });
    mock.pool
      .intercept({ path: `${BASE_PATH}/backups/${BACKUP_ID}`, method: 'GET' })
      .reply(200, { backup: backup('error', { fail_reason: 'Could not determine which Swift endpoint to use.' }) });
    const result = await run(['volume', 'backup', 'create', '--wait', 'vol1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ucinder: backup 'b1' is in status 'error': Could not determine which Swift endpoint to use.\n");
  });

  it('--property needs 3.43 and --availability-zone 3.51: refused before any request but the version discovery', async () => {
    interceptVersions(mock.pool, '3.42');
    const property = await run(['volume', 'backup', 'create', '--property', 'a=1', 'vol1'], mock.agent);
    expect(property.code).toBe(1);
    expect(property.stderr).toMatch(/^ucinder: --property needs Block Storage API microversion 3\.43 or later, but this session uses 3\.42/);
    interceptVersions(mock.pool, '3.50');
    const zone = await run(['volume', 'backup', 'create', '--availability-zone', 'nova', 'vol1'], mock.agent);
    expect(zone.stderr).toMatch(/^ucinder: --availability-zone needs Block Storage API microversion 3\.51 or later/);
    expect(calls).toStrictEqual([]);
  });

  it('no volume and a bad --property are usage errors (exit 2) before any request', async () => {
    const missing = await run(['volume', 'backup', 'create'], mock.agent);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("ucinder: missing required argument 'volume'\n");
    const property = await run(['volume', 'backup', 'create', '--property', 'novalue', 'vol1'], mock.agent);
    expect(property.code).toBe(2);
  });
});
