import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import {
  GROUP,
  GROUP_ID,
  GROUP_SNAPSHOT_ID,
  GROUP_TYPE_ID,
  VOLUME_TYPE_ID,
  stubGroupById,
  stubGroupSnapshotByName,
  stubGroupTypeByName,
  stubVolumeTypeByName,
} from './fixtures.js';

describe('volume group create', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it("resolves the group type and volume types by name, creates, and prints openstack's fields in its order", async () => {
    interceptVersions(mock.pool);
    stubGroupTypeByName(mock.pool);
    stubVolumeTypeByName(mock.pool);
    record('POST', '/groups', 202, { group: { id: GROUP_ID, name: 'app1' } });
    stubGroupById(mock.pool, { ...GROUP, status: 'creating' });
    const result = await run(
      [
        'volume',
        'group',
        'create',
        '--volume-group-type',
        'app-group',
        '--volume-type',
        'gold',
        '--name',
        'app1',
        '--description',
        'd',
        '--availability-zone',
        'nova',
        '-f',
        'json',
      ],
      mock.agent,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toStrictEqual([
      {
        method: 'POST',
        path: '/groups',
        body: { group: { group_type: GROUP_TYPE_ID, volume_types: [VOLUME_TYPE_ID], name: 'app1', description: 'd', availability_zone: 'nova' } },
      },
    ]);
    const shown = JSON.parse(result.stdout);
    expect(Object.keys(shown)).toEqual([
      'ID',
      'Status',
      'Name',
      'Description',
      'Group Type',
      'Volume Types',
      'Availability Zone',
      'Created At',
      'Volumes',
      'Group Snapshot ID',
      'Source Group ID',
    ]);
    // Volumes: not sent without list_volume, so '' as openstack prints a missing field.
    expect(shown).toMatchObject({ ID: GROUP_ID, Status: 'creating', 'Volume Types': [VOLUME_TYPE_ID], Volumes: '', 'Group Snapshot ID': null });
  });

  it('accepts the older openstack form: GROUP_TYPE VOLUME_TYPE... as arguments; --wait polls until available', async () => {
    interceptVersions(mock.pool);
    stubGroupTypeByName(mock.pool);
    stubVolumeTypeByName(mock.pool);
    record('POST', '/groups', 202, { group: { id: GROUP_ID, name: null } });
    stubGroupById(mock.pool, { ...GROUP, status: 'creating' });
    stubGroupById(mock.pool);
    const sleeps: number[] = [];
    const result = await run(['volume', 'group', 'create', 'app-group', 'gold', '--wait', '-f', 'value', '-c', 'Status'], mock.agent, { sleeps });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('available\n');
    expect(sleeps.length).toBeGreaterThan(0);
    expect(calls[0]!.body).toStrictEqual({ group: { group_type: GROUP_TYPE_ID, volume_types: [VOLUME_TYPE_ID] } });
  });

  it('--wait fails with the status when the group ends in error', async () => {
    interceptVersions(mock.pool);
    stubGroupTypeByName(mock.pool);
    stubVolumeTypeByName(mock.pool);
    record('POST', '/groups', 202, { group: { id: GROUP_ID, name: 'app1' } });
    stubGroupById(mock.pool, { ...GROUP, status: 'error' });
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=${GROUP_ID}&sort=created_at:desc`, method: 'GET' }).reply(200, {
      messages: [{ id: 'm1', resource_uuid: GROUP_ID, created_at: '2026-11-28T18:20:00', user_message: 'create group failed: no valid host.' }],
    });
    const result = await run(['volume', 'group', 'create', '--volume-group-type', 'app-group', '--volume-type', 'gold', '--name', 'app1', '--wait'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ucinder: volume group 'app1' is in status 'error': create group failed: no valid host.");
  });

  it('--group-snapshot creates from the snapshot (create-from-src, 3.14)', async () => {
    interceptVersions(mock.pool);
    stubGroupSnapshotByName(mock.pool);
    record('POST', '/groups/action', 202, { group: { id: GROUP_ID, name: 'restored' } });
    stubGroupById(mock.pool, { ...GROUP, name: 'restored', group_snapshot_id: GROUP_SNAPSHOT_ID });
    const result = await run(['volume', 'group', 'create', '--group-snapshot', 'nightly', '--name', 'restored', '-f', 'value', '-c', 'Group Snapshot ID'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${GROUP_SNAPSHOT_ID}\n`);
    expect(calls).toStrictEqual([{ method: 'POST', path: '/groups/action', body: { 'create-from-src': { group_snapshot_id: GROUP_SNAPSHOT_ID, name: 'restored' } } }]);
  });

  it('needs microversion 3.13, and 3.14 from a source, before any create', async () => {
    interceptVersions(mock.pool, '3.12');
    const old = await run(['volume', 'group', 'create', '--volume-group-type', 'app-group', '--volume-type', 'gold'], mock.agent);
    expect(old.code).toBe(1);
    expect(old.stderr).toBe("ucinder: volume groups needs Block Storage API microversion 3.13 or later, but this session uses 3.12 (the server's maximum)\n");
    mock.renew();
    interceptVersions(mock.pool, '3.13');
    const source = await run(['volume', 'group', 'create', '--source-group', 'app1'], mock.agent);
    expect(source.code).toBe(1);
    expect(source.stderr).toContain('creating a volume group from a source needs Block Storage API microversion 3.14 or later, but this session uses 3.13');
  });

  it.each([
    [[], 'give --volume-group-type and --volume-type (or --source-group / --group-snapshot)'],
    [['--volume-group-type', 'app-group'], 'give at least one --volume-type for the group'],
    [['app-group'], 'give at least one --volume-type for the group'],
    [['app-group', 'gold', '--volume-type', 'silver'], 'either as arguments or as --volume-group-type/--volume-type, not both'],
    [['--source-group', 'a', '--group-snapshot', 'b'], "option '--source-group <group>' cannot be used with option '--group-snapshot <group-snapshot>'"],
    [['--source-group', 'a', '--volume-type', 'gold'], '--source-group and --group-snapshot take their types and zone from the source'],
    [['--group-snapshot', 'b', '--availability-zone', 'nova'], '--source-group and --group-snapshot take their types and zone from the source'],
    [['--volume-group-type', 'g', '--volume-type', 'v', '--name', ''], 'a name cannot be empty.'],
  ])('%j is a usage error before any request', async (words, message) => {
    const result = await run(['volume', 'group', 'create', ...words], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
