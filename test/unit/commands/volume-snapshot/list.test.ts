import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';

function snapshot(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: `snap-${id}`,
    description: null,
    status: 'available',
    size: 1,
    volume_id: VOL_ID,
    created_at: '2026-01-01T00:00:00.000000',
    metadata: { k: 'v' },
    'os-extended-snapshot-attributes:project_id': 'p1',
    ...extra,
  };
}

describe('volume snapshot list', () => {
  const mock = mockCinderPerTest();

  it('lists under the openstack columns', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/detail`, method: 'GET' }).reply(200, { snapshots: [snapshot('a')] });
    const result = await run(['volume', 'snapshot', 'list', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual([{ ID: 'a', Name: 'snap-a', Description: null, Status: 'available', Size: 1 }]);
  });

  it('sends --all-projects, --name, --status, --volume, --marker and --limit as Cinder filters', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: { id: VOL_ID, name: 'vol1', status: 'available', size: 1 } });
    mock.pool
      .intercept({
        path: `${BASE_PATH}/snapshots/detail?all_tenants=1&name=s&status=error&volume_id=${VOL_ID}&marker=m1&limit=5`,
        method: 'GET',
      })
      .reply(200, { snapshots: [snapshot('a', { status: 'error' })] });
    const result = await run(
      ['volume', 'snapshot', 'list', '--all-projects', '--name', 's', '--status', 'error', '--volume', VOL_ID, '--marker', 'm1', '--limit', '5', '-f', 'json'],
      mock.agent,
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toStrictEqual([
      // openstack's columns first (it adds none for --all-projects), ucinder's Project after them.
      { ID: 'a', Name: 'snap-a', Description: null, Status: 'error', Size: 1, Project: 'p1' },
    ]);
  });

  function interceptLongListing() {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/detail`, method: 'GET' }).reply(200, { snapshots: [snapshot('a'), snapshot('b', { volume_id: 'gone' })] });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail`, method: 'GET' }).reply(200, { volumes: [{ id: VOL_ID, name: 'vol1', status: 'available', size: 1 }] });
  }

  it('--long: the Volume column carries the volume ID as data, as openstack', async () => {
    interceptLongListing();
    const result = await run(['volume', 'snapshot', 'list', '--long', '-f', 'json', '-c', 'ID', '-c', 'Volume', '-c', 'Properties'], mock.agent);
    // openstack 6.0 on the test bed: `volume snapshot list --long -f json` gives the volume's ID.
    expect(JSON.parse(result.stdout)).toStrictEqual([
      { ID: 'a', Volume: VOL_ID, Properties: { k: 'v' } },
      { ID: 'b', Volume: 'gone', Properties: { k: 'v' } },
    ]);
  });

  it('--long: a table shows the volume by name (its ID when the volume is not listed), as openstack', async () => {
    interceptLongListing();
    const result = await run(['volume', 'snapshot', 'list', '--long', '-c', 'ID', '-c', 'Volume', '-c', 'Properties'], mock.agent);
    // openstack's table: the volume's name, properties as k='v'.
    expect(result.stdout).toBe(
      '+----+--------+------------+\n' +
        '| ID | Volume | Properties |\n' +
        '+----+--------+------------+\n' +
        "| a  | vol1   | k='v'      |\n" +
        "| b  | gone   | k='v'      |\n" +
        '+----+--------+------------+\n',
    );
  });

  it('an unknown --status is a usage error before any request', async () => {
    const result = await run(['volume', 'snapshot', 'list', '--status', 'bogus'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'bogus' is invalid");
  });
});
