import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const BACKUP_ID = '33333333-0000-4000-8000-000000000003';
const VOL_ID = '11111111-0000-4000-8000-000000000001';

describe('volume create --backup', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('sends backup_id (no --size needed)', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/backups/b1`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/backups/detail?name=b1`, method: 'GET' }).reply(200, { backups: [{ id: BACKUP_ID, name: 'b1', status: 'available' }] });
    record('POST', '/volumes', 202, { volume: { id: VOL_ID, name: 'v1', status: 'creating', size: 1 } });
    const result = await run(['volume', 'create', '--backup', 'b1', 'v1', '-f', 'value', '-c', 'id'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: `${VOL_ID}\n`, stderr: '' });
    expect(calls).toStrictEqual([{ method: 'POST', path: '/volumes', body: { volume: { name: 'v1', backup_id: BACKUP_ID } } }]);
  });

  it('needs 3.47, checked before the backup is looked up', async () => {
    interceptVersions(mock.pool, '3.46');
    const result = await run(['volume', 'create', '--backup', 'b1', 'v1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ucinder: --backup needs Block Storage API microversion 3\.47 or later, but this session uses 3\.46/);
  });

  it('--backup with --snapshot, --source or --image is a usage error before any request', async () => {
    for (const other of [
      ['--snapshot', 's'],
      ['--source', 'v'],
      ['--image', 'i'],
    ]) {
      const result = await run(['volume', 'create', '--backup', 'b1', ...other, 'v1'], mock.agent);
      expect(result.code, other[0]).toBe(2);
      expect(result.stderr, other[0]).toMatch(/^ucinder: option '--backup <backup>' cannot be used with option/);
    }
  });
});
