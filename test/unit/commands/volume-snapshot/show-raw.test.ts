import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, newAgent, run } from '../../helpers/harness.js';

const SNAPSHOT = { id: 's1', name: 'snap1', description: null, status: 'available', size: 1, volume_id: 'v', metadata: { purpose: 'backup' } };

describe('volume snapshot show: properties and --raw', () => {
  let mock = newAgent();
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
  });

  function found() {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/s1`, method: 'GET' }).reply(200, { snapshot: SNAPSHOT });
  }

  it("-f value -c properties prints the dict as openstack does; a table as k='v'", async () => {
    found();
    expect((await run(['volume', 'snapshot', 'show', 's1', '-f', 'value', '-c', 'properties'], mock.agent)).stdout).toBe("{'purpose': 'backup'}\n");
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
    found();
    expect((await run(['volume', 'snapshot', 'show', 's1', '-c', 'properties'], mock.agent)).stdout).toContain("| properties | purpose='backup' |");
  });

  it("--raw prints the snapshot under Cinder's field names (metadata)", async () => {
    found();
    const result = await run(['volume', 'snapshot', 'show', 's1', '-f', 'json', '--raw'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual(SNAPSHOT);
  });
});
