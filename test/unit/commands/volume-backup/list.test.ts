import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';
const GONE_ID = '44444444-0000-4000-8000-000000000004';

function backup(id: string, volumeId: string) {
  return {
    id,
    name: `n-${id}`,
    description: null,
    status: 'available',
    size: 1,
    availability_zone: null,
    volume_id: volumeId,
    container: 'c/1',
    'os-backup-project-attr:project_id': 'p1',
  };
}

describe('volume backup list', () => {
  const mock = mockCinderPerTest();

  it("openstack's columns; --long adds zone, volume (its name in a table) and container", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/backups/detail`, method: 'GET' }).reply(200, { backups: [backup('b1', VOL_ID)] });
    const short = await run(['volume', 'backup', 'list', '-f', 'csv'], mock.agent);
    expect(short.stdout).toBe('"ID","Name","Description","Status","Size"\n"b1","n-b1","","available",1\n');

    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/backups/detail`, method: 'GET' }).reply(200, { backups: [backup('b1', VOL_ID)] });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail`, method: 'GET' }).reply(200, { volumes: [{ id: VOL_ID, name: 'vol1', status: 'available', size: 1 }] });
    const long = await run(['volume', 'backup', 'list', '--long', '-c', 'Volume', '-c', 'Container', '-c', 'Availability Zone'], mock.agent);
    expect(long.stdout).toBe(
      '+-------------------+--------+-----------+\n' +
        '| Availability Zone | Volume | Container |\n' +
        '+-------------------+--------+-----------+\n' +
        '| None              | vol1   | c/1       |\n' +
        '+-------------------+--------+-----------+\n',
    );
  });

  it('filters by name, status, volume, marker and limit; a deleted volume filters by the ID given; --all-projects adds Project', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${GONE_ID}`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?all_tenants=1&name=${GONE_ID}`, method: 'GET' }).reply(200, { volumes: [] });
    mock.pool
      .intercept({ path: `${BASE_PATH}/backups/detail?all_tenants=1&name=n-b1&status=available&volume_id=${GONE_ID}&marker=m1&limit=5`, method: 'GET' })
      .reply(200, { backups: [backup('b1', GONE_ID)] });
    const result = await run(
      ['volume', 'backup', 'list', '--all-projects', '--name', 'n-b1', '--status', 'available', '--volume', GONE_ID, '--marker', 'm1', '--limit', '5', '-f', 'json'],
      mock.agent,
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([{ ID: 'b1', Name: 'n-b1', Description: null, Status: 'available', Size: 1, Project: 'p1' }]);
  });

  it('an unknown --status and a bad --limit are usage errors before any request', async () => {
    const status = await run(['volume', 'backup', 'list', '--status', 'bogus'], mock.agent);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain("argument 'bogus' is invalid");
    expect((await run(['volume', 'backup', 'list', '--limit', '0'], mock.agent)).code).toBe(2);
  });
});
