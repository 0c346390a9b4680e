import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { GROUP_ID, stubGroupByName } from '../volume-group/fixtures.js';

const NEW_ID = '5f0c3a1e-0000-4000-8000-000000000001';

describe('volume create --group', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('resolves the group by name and creates the volume in it (group_id)', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    record('POST', '/volumes', 202, { volume: { id: NEW_ID, name: 'data1', status: 'creating', size: 1, attachments: [] } });
    const result = await run(['volume', 'create', '--size', '1', '--type', 'gold', '--group', 'app1', 'data1'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toStrictEqual([{ method: 'POST', path: '/volumes', body: { volume: { name: 'data1', size: 1, volume_type: 'gold', group_id: GROUP_ID } } }]);
  });

  it('a group that does not exist fails before the volume is created', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/nope`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/groups/detail`, method: 'GET' }).reply(200, { groups: [] });
    const result = await run(['volume', 'create', '--size', '1', '--group', 'nope', 'data1'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: No volume group with a name or ID of 'nope' exists.\n" });
  });

  it('needs microversion 3.13', async () => {
    interceptVersions(mock.pool, '3.12');
    const result = await run(['volume', 'create', '--size', '1', '--group', 'app1', 'data1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--group needs Block Storage API microversion 3.13 or later, but this session uses 3.12');
  });
});
