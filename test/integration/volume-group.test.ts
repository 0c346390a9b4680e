import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { privateHome, ucinder, uniqueName } from '../support/ucinder-process.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * Generic volume groups, their types and group snapshots on the real Cinder
 * (its generic implementation over the test bed's driver). Each test makes
 * its own group type and groups and deletes them afterwards; the volume type
 * is shared, read-only setup.
 */
describe('volume groups against the real Cinder', () => {
  const { env, cli, json, created } = testbedSession();
  const [typeName] = typesPinnedTo(env, 'it-grp', ['mmj']) as [string];
  const mine = { groupSnapshots: [] as string[], groups: [] as string[], groupTypes: [] as string[] };

  // Registered after testbedSession's cleanup, so it runs before it: groups go before the volumes and types they hold.
  afterEach(async () => {
    const batches: [string[], string[]][] = [
      [['volume', 'group', 'snapshot', 'delete', '--wait'], mine.groupSnapshots.splice(0)],
      [['volume', 'group', 'delete', '--force', '--wait'], mine.groups.splice(0)],
      [['volume', 'group', 'type', 'delete'], mine.groupTypes.splice(0)],
    ];
    for (const [command, items] of batches) {
      if (!items.length) continue;
      expectCleanedUp(await ucinder([...command, ...items], env), `ucinder ${command.join(' ')} ${items.join(' ')}`);
    }
  }, 600_000);

  async function newGroupType(prefix: string, ...args: string[]): Promise<{ ID: string; Name: string }> {
    const type = await json('volume', 'group', 'type', 'create', ...args, uniqueName(prefix));
    mine.groupTypes.push(type.ID);
    return type;
  }

  async function newGroup(prefix: string): Promise<{ ID: string; Name: string; Status: string }> {
    const groupType = await newGroupType(`${prefix}-gt`);
    const group = await json('volume', 'group', 'create', '--volume-group-type', groupType.Name, '--volume-type', typeName, '--name', uniqueName(prefix), '--wait');
    mine.groups.push(group.ID);
    return group;
  }

  it('group type: create with properties, show, set, unset, list, delete, all by name', async () => {
    const type = await newGroupType('it-gt', '--description', 'for tests', '--property', 'k1=v1');
    expect(type).toMatchObject({ Description: 'for tests', 'Is Public': true, Properties: { k1: 'v1' } });
    expect(await json('volume', 'group', 'type', 'show', type.Name)).toStrictEqual(type);
    const renamed = uniqueName('it-gt-renamed');
    const set = await json('volume', 'group', 'type', 'set', '--name', renamed, '--private', '--no-property', '--property', 'k2=v2', type.Name);
    expect(set).toMatchObject({ ID: type.ID, Name: renamed, 'Is Public': false, Properties: { k2: 'v2' } });
    const unset = await json('volume', 'group', 'type', 'unset', '--property', 'k2', renamed);
    expect(unset.Properties).toStrictEqual({});
    const listed = await json('volume', 'group', 'type', 'list');
    expect(listed).toContainEqual({ ID: type.ID, Name: renamed, 'Is Public': false, Properties: {} });
    const deleted = await cli('volume', 'group', 'type', 'delete', renamed);
    expect(deleted.code, deleted.stderr).toBe(0);
    const gone = await cli('volume', 'group', 'type', 'show', type.ID);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe(`ucinder: No volume group type with a name or ID of '${type.ID}' exists.\n`);
  });

  it('group: create --wait, volumes in and out of it, snapshot, a new group from the snapshot, delete', async () => {
    const group = await newGroup('it-grp');
    expect(group.Status).toBe('available');

    const inside = await json('volume', 'create', '--size', '1', '--type', typeName, '--group', group.Name, '--wait', uniqueName('it-grp-vol'));
    created.volumes.push(inside.id);
    expect(inside.group_id).toBe(group.ID);
    const outside = await json('volume', 'create', '--size', '1', '--type', typeName, '--wait', uniqueName('it-grp-vol2'));
    created.volumes.push(outside.id);
    const added = await cli('volume', 'group', 'add', 'volume', '--wait', group.Name, outside.name);
    expect(added.code, added.stderr).toBe(0);
    const members = async () => (await json('volume', 'group', 'show', '--volumes', group.Name)).Volumes.sort();
    expect(await members()).toEqual([inside.id, outside.id].sort());

    const snapshot = await json('volume', 'group', 'snapshot', 'create', '--name', uniqueName('it-grp-snap'), '--wait', group.Name);
    mine.groupSnapshots.push(snapshot.ID);
    expect(snapshot).toMatchObject({ Status: 'available', Group: group.ID });
    expect(await json('volume', 'group', 'snapshot', 'list')).toContainEqual({ ID: snapshot.ID, Status: 'available', Name: snapshot.Name });
    expect((await json('volume', 'group', 'snapshot', 'show', snapshot.Name)).ID).toBe(snapshot.ID);

    // Shell completion offers the names from the cloud (a private home: no cached names).
    const completionEnv = { ...env, ...privateHome() };
    const names = async (kind: string) => (await ucinder(['completion', 'names', kind], completionEnv)).stdout.split('\n');
    expect(await names('group')).toContain(group.Name);
    expect(await names('group-snapshot')).toContain(snapshot.Name);
    expect(await names('group-type')).toContain((await json('volume', 'group', 'type', 'show', (await json('volume', 'group', 'show', group.ID))['Group Type'])).Name);

    const restored = await json('volume', 'group', 'create', '--group-snapshot', snapshot.Name, '--name', uniqueName('it-grp-restored'), '--wait');
    mine.groups.push(restored.ID);
    expect(restored).toMatchObject({ Status: 'available', 'Group Snapshot ID': snapshot.ID });
    expect((await json('volume', 'group', 'show', '--volumes', restored.ID)).Volumes).toHaveLength(2);

    const removed = await cli('volume', 'group', 'remove', 'volume', '--wait', group.Name, outside.id);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await members()).toEqual([inside.id]);

    // A group with a snapshot cannot go: Cinder's reason, one line.
    const refused = await cli('volume', 'group', 'delete', group.Name);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^ucinder: Invalid Group: .*\(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/);

    const snapshotDeleted = await cli('volume', 'group', 'snapshot', 'delete', '--wait', snapshot.ID);
    expect(snapshotDeleted.code, snapshotDeleted.stderr).toBe(0);
    const deleted = await cli('volume', 'group', 'delete', '--force', '--wait', group.Name);
    expect(deleted.code, deleted.stderr).toBe(0);
    // --force took the group's volume with it.
    expect((await cli('volume', 'show', inside.id)).code).toBe(1);
    expect((await cli('volume', 'group', 'show', group.ID)).code).toBe(1);
    // Some twenty asynchronous operations, each waited for: 35 s alone, minutes on a loaded machine.
  }, 600_000);

  it('group: set renames, describes and resets the state; list shows it', async () => {
    const group = await newGroup('it-grp-set');
    const name = uniqueName('it-grp-set-renamed');
    const set = await json('volume', 'group', 'set', '--name', name, '--description', 'renamed', group.ID);
    expect(set).toMatchObject({ ID: group.ID, Name: name, Description: 'renamed' });
    expect(await json('volume', 'group', 'list')).toContainEqual({ ID: group.ID, Status: 'available', Name: name });
    // --state (cinder group-reset-state): the status in the database only, and back.
    expect((await json('volume', 'group', 'set', '--state', 'error', group.ID)).Status).toBe('error');
    expect((await json('volume', 'group', 'set', '--state', 'available', name)).Status).toBe('available');
  });

  it('errors an operator hits: an unknown group type, a volume type the group does not hold, replication of a group that does not replicate', async () => {
    const unknown = await cli('volume', 'group', 'create', '--volume-group-type', uniqueName('it-grp-none'), '--volume-type', typeName);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^ucinder: No volume group type with a name or ID of 'it-grp-none-.*' exists\.\n$/);
    const group = await newGroup('it-grp-err');
    const wrongType = await cli('volume', 'create', '--size', '1', '--group', group.Name, uniqueName('it-grp-err-vol'));
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toMatch(/^ucinder: Invalid input received: .*\(HTTP 400\)/);
    // Replication needs a replication group type (group_replication_enabled): Cinder's reason, one line.
    for (const args of [
      ['failover', group.Name],
      ['set', '--enable-replication', group.Name],
    ]) {
      const refused = await cli('volume', 'group', ...args);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`^ucinder: Invalid group type: Group ${group.ID} is not a replication group type\\. \\(HTTP 400\\)`));
    }
  });
});
