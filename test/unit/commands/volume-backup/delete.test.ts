import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const notFound = { itemNotFound: { code: 404, message: 'Backup could not be found.' } };

describe('volume backup delete', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function found(id: string, status = 'available') {
    mock.pool.intercept({ path: `${BASE_PATH}/backups/${id}`, method: 'GET' }).reply(200, { backup: { id, name: `n-${id}`, status } });
  }

  it('tries every backup, then reports "N of M backups failed to delete" with exit 1', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/backups/b`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/backups/detail?name=b`, method: 'GET' }).reply(200, { backups: [] });
    record('DELETE', '/backups/a', 202, '');
    const result = await run(['volume', 'backup', 'delete', 'a', 'b', '--concurrency', '1'], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: "Failed to delete backup with name or ID 'b': No backup with a name or ID of 'b' exists.\nucinder: 1 of 2 backups failed to delete\n",
    });
    expect(calls).toStrictEqual([{ method: 'DELETE', path: '/backups/a', body: undefined }]);
  });

  it('--force uses os-force_delete; --wait polls until the backup is gone', async () => {
    interceptVersions(mock.pool);
    found('a', 'error');
    record('POST', '/backups/a/action', 202, '');
    found('a', 'deleting');
    mock.pool.intercept({ path: `${BASE_PATH}/backups/a`, method: 'GET' }).reply(404, notFound);
    const result = await run(['volume', 'backup', 'delete', '--force', '--wait', 'a'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("Deleting 1 backup\nbackup 'a': deleting\nbackup 'a': deleted\n1 backup deleted\n");
    expect(calls).toStrictEqual([{ method: 'POST', path: '/backups/a/action', body: { 'os-force_delete': {} } }]);
  });

  it('a backup and its incremental together: the incremental first, the backup once it is gone (Cinder refuses while incrementals exist)', async () => {
    interceptVersions(mock.pool);
    const backup = (id: string, created_at: string, extra: object) => ({ backup: { id, name: id, status: 'available', volume_id: 'v1', created_at, ...extra } });
    mock.pool.intercept({ path: `${BASE_PATH}/backups/full`, method: 'GET' }).reply(200, backup('full', '2026-12-06T07:00:00', { has_dependent_backups: true }));
    mock.pool.intercept({ path: `${BASE_PATH}/backups/inc`, method: 'GET' }).reply(200, backup('inc', '2026-12-06T07:05:00', { is_incremental: true }));
    record('DELETE', '/backups/inc', 202, '');
    mock.pool.intercept({ path: `${BASE_PATH}/backups/inc`, method: 'GET' }).reply(200, backup('inc', '2026-12-06T07:05:00', { status: 'deleting' }));
    mock.pool.intercept({ path: `${BASE_PATH}/backups/inc`, method: 'GET' }).reply(() => {
      calls.push({ method: 'GET', path: '/backups/inc', body: undefined });
      return { statusCode: 404, data: notFound };
    });
    record('DELETE', '/backups/full', 202, '');
    // The parent named first, as one would write it: the order is the command's, not the argument list's.
    const result = await run(['volume', 'backup', 'delete', 'full', 'inc'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'DELETE', path: '/backups/inc', body: undefined },
      { method: 'GET', path: '/backups/inc', body: undefined },
      { method: 'DELETE', path: '/backups/full', body: undefined },
    ]);
  });

  it('no backup and a bad --concurrency are usage errors before any request', async () => {
    expect((await run(['volume', 'backup', 'delete'], mock.agent)).code).toBe(2);
    expect((await run(['volume', 'backup', 'delete', '--concurrency', 'x', 'a'], mock.agent)).code).toBe(2);
  });
});
