import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const BACKUP_ID = '33333333-0000-4000-8000-000000000003';
const RECORD = { backup_service: 'cinder.backup.drivers.posix.PosixBackupDriver', backup_url: 'eyJpZCI6ICJ4In0=' };

describe('volume backup record export/import', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function exported() {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/backups/${BACKUP_ID}`, method: 'GET' }).reply(200, { backup: { id: BACKUP_ID, name: 'b1', status: 'available' } });
    mock.pool.intercept({ path: `${BASE_PATH}/backups/${BACKUP_ID}/export_record`, method: 'GET' }).reply(200, { 'backup-record': RECORD });
  }

  it("export keeps Cinder's keys for machines and gives them openstack's friendly names in a table", async () => {
    exported();
    const json = await run(['volume', 'backup', 'record', 'export', BACKUP_ID, '-f', 'json'], mock.agent);
    expect(JSON.parse(json.stdout)).toEqual(RECORD);
    exported();
    const table = await run(['volume', 'backup', 'record', 'export', BACKUP_ID], mock.agent);
    expect(table.stdout).toBe(
      '+----------------+-----------------------------------------------+\n' +
        '| Field          | Value                                         |\n' +
        '+----------------+-----------------------------------------------+\n' +
        '| Backup Service | cinder.backup.drivers.posix.PosixBackupDriver |\n' +
        '| Metadata       | eyJpZCI6ICJ4In0=                              |\n' +
        '+----------------+-----------------------------------------------+\n',
    );
  });

  it("import sends the record and prints the backup's id and name", async () => {
    interceptVersions(mock.pool);
    record('POST', '/backups/import_record', 201, { backup: { id: BACKUP_ID, name: 'b1', links: [] } });
    const result = await run(['volume', 'backup', 'record', 'import', RECORD.backup_service, RECORD.backup_url, '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toEqual({ id: BACKUP_ID, name: 'b1' });
    expect(calls).toStrictEqual([{ method: 'POST', path: '/backups/import_record', body: { 'backup-record': RECORD } }]);
  });

  it('import without the metadata is a usage error before any request', async () => {
    const result = await run(['volume', 'backup', 'record', 'import', RECORD.backup_service], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: missing required argument 'backup-metadata'\n");
  });
});
