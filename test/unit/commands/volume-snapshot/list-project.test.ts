import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const PROJECT_ID = '22222222222222222222222222222222';

describe('volume snapshot list --project', () => {
  const mock = mockCinderPerTest();

  it("looks in every project for that project's snapshots, as openstack; Project comes after openstack's columns", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/detail?all_tenants=1&project_id=${PROJECT_ID}`, method: 'GET' }).reply(200, {
      snapshots: [{ id: 'a', name: 'snap-a', description: null, status: 'available', size: 1, volume_id: 'v', 'os-extended-snapshot-attributes:project_id': PROJECT_ID }],
    });
    const result = await run(['volume', 'snapshot', 'list', '--project', PROJECT_ID, '-f', 'csv'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`"ID","Name","Description","Status","Size","Project"\n"a","snap-a","","available",1,"${PROJECT_ID}"\n`);
  });
});
