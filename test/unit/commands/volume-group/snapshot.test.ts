import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { GROUP_ID, GROUP_SNAPSHOT, GROUP_SNAPSHOT_ID, GROUP_TYPE_ID, stubGroupByName, stubGroupSnapshotByName } from './fixtures.js';

describe('volume group snapshot', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);
  const stubSnapshot = (status: string) => {
    mock.pool.intercept({ path: `${BASE_PATH}/group_snapshots/${GROUP_SNAPSHOT_ID}`, method: 'GET' }).reply(200, { group_snapshot: { ...GROUP_SNAPSHOT, status } });
  };

  it("create of a group (by name) with --wait: polls until available, prints openstack's fields in its order", async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    record('POST', '/group_snapshots', 202, { group_snapshot: { id: GROUP_SNAPSHOT_ID, name: 'nightly', group_type_id: GROUP_TYPE_ID } });
    stubSnapshot('creating');
    stubSnapshot('available');
    const result = await run(['volume', 'group', 'snapshot', 'create', '--name', 'nightly', '--description', 'd', '--wait', 'app1', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toStrictEqual([{ method: 'POST', path: '/group_snapshots', body: { group_snapshot: { group_id: GROUP_ID, name: 'nightly', description: 'd' } } }]);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      ID: GROUP_SNAPSHOT_ID,
      Status: 'available',
      Name: 'nightly',
      Description: null,
      Group: GROUP_ID,
      'Group Type': GROUP_TYPE_ID,
    });
  });

  it('create without --wait prints the snapshot as Cinder has it right after', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    record('POST', '/group_snapshots', 202, { group_snapshot: { id: GROUP_SNAPSHOT_ID, name: null, group_type_id: GROUP_TYPE_ID } });
    stubSnapshot('creating');
    const result = await run(['volume', 'group', 'snapshot', 'create', 'app1', '-f', 'value', '-c', 'Status'], mock.agent);
    expect(result.stdout).toBe('creating\n');
  });

  it('list (--all-projects) and show by name', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/group_snapshots/detail?all_tenants=1`, method: 'GET' }).reply(200, { group_snapshots: [GROUP_SNAPSHOT] });
    const list = await run(['volume', 'group', 'snapshot', 'list', '--all-projects', '-f', 'csv'], mock.agent);
    expect(list.stdout).toBe(`"ID","Status","Name"\n"${GROUP_SNAPSHOT_ID}","available","nightly"\n`);
    mock.renew();
    interceptVersions(mock.pool);
    stubGroupSnapshotByName(mock.pool);
    const show = await run(['volume', 'group', 'snapshot', 'show', 'nightly', '-f', 'value', '-c', 'Group'], mock.agent);
    expect(show.stdout).toBe(`${GROUP_ID}\n`);
  });

  it('delete several: each tried, failures counted ("1 of 2 volume group snapshots failed to delete")', async () => {
    interceptVersions(mock.pool);
    stubGroupSnapshotByName(mock.pool);
    record('DELETE', `/group_snapshots/${GROUP_SNAPSHOT_ID}`, 202, '');
    mock.pool.intercept({ path: `${BASE_PATH}/group_snapshots/gone`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/group_snapshots/detail`, method: 'GET' }).reply(200, { group_snapshots: [GROUP_SNAPSHOT] });
    const result = await run(['volume', 'group', 'snapshot', 'delete', 'nightly', 'gone'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 of 2 volume group snapshots failed to delete');
    expect(calls).toHaveLength(1);
  });

  it.each([['create', 'app1'], ['list'], ['show', 'x'], ['delete', 'x']])('%s needs microversion 3.14', async (...words) => {
    interceptVersions(mock.pool, '3.13');
    const result = await run(['volume', 'group', 'snapshot', ...words], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('volume group snapshots needs Block Storage API microversion 3.14 or later, but this session uses 3.13');
  });

  it.each([
    [['create'], "missing required argument 'group'"],
    [['create', '--name', '', 'app1'], 'a name cannot be empty.'],
    [['create', '--wait-timeout', '0', 'app1'], 'expected a positive number of seconds.'],
    [['delete'], "missing required argument 'group-snapshot'"],
  ])('%j is a usage error before any request', async (words, message) => {
    const result = await run(['volume', 'group', 'snapshot', ...words], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
