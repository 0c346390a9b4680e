import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { GROUP, GROUP_ID, VOLUME_ID, stubGroupById, stubGroupByName } from './fixtures.js';

const notFound = { itemNotFound: { code: 404, message: 'not found' } };

describe('volume group list, show, set, delete, add volume, remove volume', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it("list: openstack's columns ID, Status, Name; --all-projects asks for every project", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/detail?all_tenants=1`, method: 'GET' }).reply(200, { groups: [GROUP] });
    const result = await run(['volume', 'group', 'list', '--all-projects', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual([{ ID: GROUP_ID, Status: 'available', Name: 'app1' }]);
  });

  it('list needs microversion 3.13', async () => {
    interceptVersions(mock.pool, '3.12');
    const result = await run(['volume', 'group', 'list'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('volume groups needs Block Storage API microversion 3.13 or later, but this session uses 3.12');
  });

  it('list rejects an unknown column before any request', async () => {
    const result = await run(['volume', 'group', 'list', '-c', 'Volumes'], mock.agent);
    expect(result.code).toBe(2);
  });

  it('show by name; --volumes fetches the group with its volume IDs', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/${GROUP_ID}?list_volume=True`, method: 'GET' }).reply(200, { group: { ...GROUP, volumes: [VOLUME_ID] } });
    const result = await run(['volume', 'group', 'show', '--volumes', 'app1', '-f', 'value', '-c', 'Volumes', '-c', 'Name'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`app1\n['${VOLUME_ID}']\n`);
  });

  it('show --volumes needs 3.25 (checked before the lookup); a table shows every field in openstack order', async () => {
    interceptVersions(mock.pool, '3.24');
    const old = await run(['volume', 'group', 'show', '--volumes', 'app1'], mock.agent);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('--volumes / --no-volumes needs Block Storage API microversion 3.25 or later, but this session uses 3.24');
    mock.renew();
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    const table = await run(['volume', 'group', 'show', GROUP_ID], mock.agent);
    expect(
      table.stdout
        .split('\n')
        .slice(3, 14)
        .map((line) => line.split('|')[1]!.trim()),
    ).toEqual(['ID', 'Status', 'Name', 'Description', 'Group Type', 'Volume Types', 'Availability Zone', 'Created At', 'Volumes', 'Group Snapshot ID', 'Source Group ID']);
  });

  it('show of a name matching two groups is an ambiguity error', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/app1`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/detail`, method: 'GET' }).reply(200, { groups: [GROUP, { ...GROUP, id: 'other-id' }] });
    const result = await run(['volume', 'group', 'show', 'app1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("More than one volume group exists with the name 'app1'");
  });

  it('set renames and describes in one update, then prints the group as it is now', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    record('PUT', `/groups/${GROUP_ID}`, 202, '');
    stubGroupById(mock.pool, { ...GROUP, name: 'app1-prod', description: 'prod' });
    const result = await run(['volume', 'group', 'set', '--name', 'app1-prod', '--description', 'prod', 'app1', '-f', 'value', '-c', 'Name'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('app1-prod\n');
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/groups/${GROUP_ID}`, body: { group: { name: 'app1-prod', description: 'prod' } } }]);
  });

  it('set --enable-replication posts the action (3.38+); too old a session fails first', async () => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    record('POST', `/groups/${GROUP_ID}/action`, 202, '');
    stubGroupById(mock.pool);
    expect((await run(['volume', 'group', 'set', '--enable-replication', GROUP_ID], mock.agent)).code).toBe(0);
    expect(calls).toStrictEqual([{ method: 'POST', path: `/groups/${GROUP_ID}/action`, body: { enable_replication: {} } }]);
    mock.renew();
    interceptVersions(mock.pool, '3.37');
    const old = await run(['volume', 'group', 'set', '--disable-replication', GROUP_ID], mock.agent);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('--enable-replication / --disable-replication needs Block Storage API microversion 3.38');
  });

  it('set --state resets the status (reset_status, 3.20+)', async () => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool, { ...GROUP, status: 'updating' });
    record('POST', `/groups/${GROUP_ID}/action`, 202, '');
    stubGroupById(mock.pool);
    const result = await run(['volume', 'group', 'set', '--state', 'available', GROUP_ID, '-f', 'value', '-c', 'Status'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: 'available\n', stderr: '' });
    expect(calls).toStrictEqual([{ method: 'POST', path: `/groups/${GROUP_ID}/action`, body: { reset_status: { status: 'available' } } }]);
    mock.renew();
    interceptVersions(mock.pool, '3.19');
    const old = await run(['volume', 'group', 'set', '--state', 'available', GROUP_ID], mock.agent);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('--state needs Block Storage API microversion 3.20 or later, but this session uses 3.19');
  });

  it.each([
    [['set', 'app1'], 'nothing to change: give --name, --description, --enable-replication, --disable-replication or --state'],
    [['set', '--enable-replication', '--disable-replication', 'app1'], 'cannot be used with'],
    [['set', '--name', '', 'app1'], 'a name cannot be empty.'],
    [['set', '--state', 'deleted', 'app1'], "argument 'deleted' is invalid. Allowed choices are available, error, creating, deleting, updating, in-use, error_deleting."],
    [['show'], "missing required argument 'group'"],
    [['delete'], "missing required argument 'group'"],
    [['add', 'volume', 'app1'], "missing required argument 'volume'"],
    [['remove', 'volume', 'app1'], "missing required argument 'volume'"],
  ])('%j is a usage error before any request', async (words, message) => {
    const result = await run(['volume', 'group', ...words], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('delete --force deletes the volumes with the group; --wait polls until it is gone', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    record('POST', `/groups/${GROUP_ID}/action`, 202, '');
    stubGroupById(mock.pool, { ...GROUP, status: 'deleting' });
    mock.pool.intercept({ path: `${BASE_PATH}/groups/${GROUP_ID}`, method: 'GET' }).reply(404, notFound);
    const result = await run(['volume', 'group', 'delete', '--force', '--wait', 'app1'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toStrictEqual([{ method: 'POST', path: `/groups/${GROUP_ID}/action`, body: { delete: { 'delete-volumes': true } } }]);
  });

  it("delete without --force: Cinder's refusal of a group with volumes, one line, exit 1", async () => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/${GROUP_ID}/action`, method: 'POST' }).reply(400, {
      badRequest: { code: 400, message: 'Invalid Group: Group has existing snapshots.' },
    });
    const refused = await run(['volume', 'group', 'delete', GROUP_ID], mock.agent);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Invalid Group: Group has existing snapshots. (HTTP 400)\n' });
  });

  it('add volume: every volume (by name or ID) in one update; remove volume likewise', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOLUME_ID}`, method: 'GET' }).reply(200, { volume: { id: VOLUME_ID, name: 'data1', status: 'available' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/data2`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=data2`, method: 'GET' }).reply(200, { volumes: [{ id: 'v2', name: 'data2', status: 'available' }] });
    record('PUT', `/groups/${GROUP_ID}`, 202, '');
    const added = await run(['volume', 'group', 'add', 'volume', 'app1', VOLUME_ID, 'data2'], mock.agent);
    expect(added).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/groups/${GROUP_ID}`, body: { group: { add_volumes: `${VOLUME_ID},v2` } } }]);
    mock.renew();
    calls.length = 0;
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOLUME_ID}`, method: 'GET' }).reply(200, { volume: { id: VOLUME_ID, name: 'data1', status: 'available' } });
    record('PUT', `/groups/${GROUP_ID}`, 202, '');
    stubGroupById(mock.pool, { ...GROUP, status: 'updating' });
    stubGroupById(mock.pool);
    const removed = await run(['volume', 'group', 'remove', 'volume', '--wait', GROUP_ID, VOLUME_ID], mock.agent);
    expect(removed.code, removed.stderr).toBe(0);
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/groups/${GROUP_ID}`, body: { group: { remove_volumes: VOLUME_ID } } }]);
  });

  it('add volume of a volume that does not exist fails before the group is changed', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/nope`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=nope`, method: 'GET' }).reply(200, { volumes: [] });
    const result = await run(['volume', 'group', 'add', 'volume', 'app1', 'nope'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: No volume with a name or ID of 'nope' exists.\n" });
  });
});

describe('volume group failover', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('posts failover_replication with the secondary backend; --allow-attached-volume allows attached volumes', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    record('POST', `/groups/${GROUP_ID}/action`, 202, '');
    const result = await run(['volume', 'group', 'failover', '--allow-attached-volume', '--secondary-backend-id', 'backend2', 'app1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'POST', path: `/groups/${GROUP_ID}/action`, body: { failover_replication: { allow_attached_volume: true, secondary_backend_id: 'backend2' } } },
    ]);
  });

  it("Cinder's refusal of a group that does not replicate: one line, exit 1", async () => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/${GROUP_ID}/action`, method: 'POST' }).reply(400, {
      badRequest: { code: 400, message: 'Invalid Group: Group does not have replication enabled.' },
    });
    const result = await run(['volume', 'group', 'failover', GROUP_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Invalid Group: Group does not have replication enabled. (HTTP 400)\n' });
  });

  it('needs microversion 3.38; --allow and --disallow together are a usage error', async () => {
    interceptVersions(mock.pool, '3.37');
    const old = await run(['volume', 'group', 'failover', 'app1'], mock.agent);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('volume group failover needs Block Storage API microversion 3.38 or later, but this session uses 3.37');
    mock.renew();
    const both = await run(['volume', 'group', 'failover', '--allow-attached-volume', '--disallow-attached-volume', 'app1'], mock.agent);
    expect(both.code).toBe(2);
  });
});
