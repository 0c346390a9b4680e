import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const BACKUP_ID = '33333333-0000-4000-8000-000000000003';
const VOL_ID = '11111111-0000-4000-8000-000000000001';
const NEW_ID = '55555555-0000-4000-8000-000000000005';

describe('volume backup restore', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function backupFound() {
    mock.pool.intercept({ path: `${BASE_PATH}/backups/${BACKUP_ID}`, method: 'GET' }).reply(200, { backup: { id: BACKUP_ID, name: 'b1', status: 'available', size: 1 } });
  }
  function volumeMissing(name: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${name}`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=${name}`, method: 'GET' }).reply(200, { volumes: [] });
  }
  function volumeFound() {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: { id: VOL_ID, name: 'vol1', status: 'available', size: 1 } });
  }

  it('a name no volume has: Cinder creates the volume under it; the answer is printed sorted', async () => {
    interceptVersions(mock.pool);
    backupFound();
    volumeMissing('fresh');
    record('POST', `/backups/${BACKUP_ID}/restore`, 202, { restore: { volume_name: 'fresh', volume_id: NEW_ID, backup_id: BACKUP_ID } });
    const result = await run(['volume', 'backup', 'restore', BACKUP_ID, 'fresh', '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(JSON.stringify({ backup_id: BACKUP_ID, volume_id: NEW_ID, volume_name: 'fresh' }, null, 2) + '\n');
    expect(calls).toStrictEqual([{ method: 'POST', path: `/backups/${BACKUP_ID}/restore`, body: { restore: { name: 'fresh' } } }]);
  });

  it('no VOLUME: an empty restore request (Cinder names the volume); --wait polls the volume until available', async () => {
    interceptVersions(mock.pool);
    backupFound();
    record('POST', `/backups/${BACKUP_ID}/restore`, 202, { restore: { backup_id: BACKUP_ID, volume_id: NEW_ID, volume_name: `restore_backup_${BACKUP_ID}` } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}`, method: 'GET' }).reply(200, { volume: { id: NEW_ID, name: 'r', status: 'restoring-backup', size: 1 } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}`, method: 'GET' }).reply(200, { volume: { id: NEW_ID, name: 'r', status: 'available', size: 1 } });
    const result = await run(['volume', 'backup', 'restore', '--wait', BACKUP_ID, '-f', 'value', '-c', 'volume_id'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${NEW_ID}\n`);
    expect(result.stderr).toBe(
      `Waiting for volume 'restore_backup_${BACKUP_ID}' to hold the restored backup\n` +
        `volume 'restore_backup_${BACKUP_ID}': restoring-backup\nvolume 'restore_backup_${BACKUP_ID}': available\nvolume 'restore_backup_${BACKUP_ID}' is available\n`,
    );
    expect(calls).toStrictEqual([{ method: 'POST', path: `/backups/${BACKUP_ID}/restore`, body: { restore: {} } }]);
  });

  it('an existing volume without --force is refused before the restore (exit 1); with --force it is overwritten by ID', async () => {
    interceptVersions(mock.pool);
    backupFound();
    volumeFound();
    const refused = await run(['volume', 'backup', 'restore', BACKUP_ID, VOL_ID], mock.agent);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `ucinder: Volume '${VOL_ID}' already exists; if you want to restore the backup to it you need to specify the '--force' option\n`,
    });

    interceptVersions(mock.pool);
    backupFound();
    volumeFound();
    record('POST', `/backups/${BACKUP_ID}/restore`, 202, { restore: { backup_id: BACKUP_ID, volume_id: VOL_ID, volume_name: 'vol1' } });
    expect((await run(['volume', 'backup', 'restore', '--force', BACKUP_ID, VOL_ID], mock.agent)).code).toBe(0);
    expect(calls).toStrictEqual([{ method: 'POST', path: `/backups/${BACKUP_ID}/restore`, body: { restore: { volume_id: VOL_ID } } }]);
  });

  it("Cinder's refusal (a smaller volume) is one line, exit 1", async () => {
    interceptVersions(mock.pool);
    backupFound();
    volumeFound();
    mock.pool
      .intercept({ path: `${BASE_PATH}/backups/${BACKUP_ID}/restore`, method: 'POST' })
      .reply(400, { badRequest: { code: 400, message: 'Invalid volume: volume size 1 is too small to restore backup of size 2.' } });
    const result = await run(['volume', 'backup', 'restore', '--force', BACKUP_ID, VOL_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Invalid volume: volume size 1 is too small to restore backup of size 2. (HTTP 400)\n' });
  });

  it('no backup, three arguments and a bad --wait-timeout are usage errors before any request', async () => {
    expect((await run(['volume', 'backup', 'restore'], mock.agent)).code).toBe(2);
    expect((await run(['volume', 'backup', 'restore', 'a', 'b', 'c'], mock.agent)).code).toBe(2);
    expect((await run(['volume', 'backup', 'restore', '--wait-timeout', 'abc', 'a'], mock.agent)).code).toBe(2);
  });
});
