import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { csvHeader, expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type Row = Record<string, unknown>;

/** Only the rows of this file's types: other files create and delete types meanwhile. */
function ours(rows: unknown, ids: string[]): Row[] {
  return (rows as Row[]).filter((row) => ids.includes(row.ID as string));
}

describe('parity with openstack: volume type', () => {
  let peers: SideBySide;
  const privateName = uniqueName('par-type-private');
  const publicName = uniqueName('par-type-public');
  // openstack needs Keystone to name a project for access; ucinder grants it, both show it.
  const sharedWith = 'fedcba9876543210fedcba9876543210';
  let privateId = '';
  let publicId = '';

  beforeAll(async () => {
    peers = sideBySide();
    const create = async (args: string[]) => {
      const run = await peers.ucinder(['volume', 'type', 'create', ...args, '-f', 'value', '-c', 'id']);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout.trim();
    };
    privateId = await create(['--private', '--project', sharedWith, '--property', 'tier=gold', '--property', 'b=2', '--description', 'gold tier', privateName]);
    publicId = await create(['--property', 'volume_backend_name=mmj', publicName]);
  });

  afterAll(async () => {
    const ids = [privateId, publicId].filter(Boolean);
    if (ids.length) expectCleanedUp(await peers.ucinder(['volume', 'type', 'delete', ...ids]), `volume type delete ${ids.join(' ')}`);
  });

  it('volume type show of a private type: the same keys, order and values (properties, access_project_ids)', async () => {
    const { ours: mine, theirs } = await peers.json(['volume', 'type', 'show', privateName]);
    expectSameRecord(mine, theirs);
    expect((mine as Row).access_project_ids).toEqual([sharedWith]);
    expect((mine as Row).properties).toEqual({ tier: 'gold', b: '2' });
  });

  it('volume type show of a public type: access_project_ids is None, as openstack', async () => {
    const { ours: mine, theirs } = await peers.json(['volume', 'type', 'show', publicId]);
    expectSameRecord(mine, theirs);
    expect((mine as Row).access_project_ids).toBeNull();
  });

  it('volume type show -f value and -f shell of properties and access_project_ids print what openstack prints', async () => {
    const value = await peers.text(['volume', 'type', 'show', privateName, '-f', 'value', '-c', 'properties', '-c', 'access_project_ids', '-c', 'is_public']);
    expect(value.ours).toBe(value.theirs);
    const shell = await peers.text(['volume', 'type', 'show', privateName, '-f', 'shell', '--prefix', 't_', '-c', 'properties', '-c', 'access_project_ids', '-c', 'name']);
    expect(shell.ours).toBe(shell.theirs);
    const table = await peers.text(['volume', 'type', 'show', privateName, '-c', 'properties', '-c', 'access_project_ids', '-c', 'is_public']);
    expect(table.ours).toBe(table.theirs);
  });

  it('volume type list, --long and --private: the same columns in the same order and the same values', async () => {
    const ids = [privateId, publicId];
    for (const flags of [[], ['--long'], ['--private', '--long']]) {
      const { ours: mine, theirs } = await peers.json(['volume', 'type', 'list', ...flags]);
      expectSameListing(ours(mine, ids), ours(theirs, ids), 'ID');
    }
    const csv = await peers.text(['volume', 'type', 'list', '--long', '-f', 'csv']);
    expect(csvHeader(csv.ours)).toBe(csvHeader(csv.theirs));
  });

  it('volume type list --default --long prints what openstack prints, as value and as a table', async () => {
    const value = await peers.text(['volume', 'type', 'list', '--default', '--long', '-f', 'value']);
    expect(value.ours).toBe(value.theirs);
    const table = await peers.text(['volume', 'type', 'list', '--default', '--long']);
    expect(table.ours).toBe(table.theirs);
  });

  it('volume type create, set, unset and delete: the same create output, and set/unset/delete print nothing', async () => {
    const names = { mine: uniqueName('par-type-life'), theirs: uniqueName('par-type-life') };
    const created = await Promise.all([
      peers.ucinder(['volume', 'type', 'create', '--private', '--property', 'a=1', '--property', 'keep=yes', '--description', 'd', names.mine, '-f', 'json']),
      peers.openstack(['volume', 'type', 'create', '--private', '--property', 'a=1', '--property', 'keep=yes', '--description', 'd', names.theirs, '-f', 'json']),
    ]);
    try {
      for (const run of created) expect(run.code, run.stderr).toBe(0);
      const [mine, theirs] = created.map((run) => JSON.parse(run.stdout) as Row);
      expectSameRecord(mine, theirs, { ignoreValues: ['id', 'name'] });
      expect(mine!.properties).toEqual({ a: '1', keep: 'yes' });

      const same = async (verb: string[]) => {
        const [ucinderRun, openstackRun] = await Promise.all([peers.ucinder(['volume', 'type', ...verb, names.mine]), peers.openstack(['volume', 'type', ...verb, names.theirs])]);
        expect(ucinderRun, `ucinder volume type ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '', stderr: '' });
        expect(openstackRun, `openstack volume type ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '' });
      };
      await same(['set', '--property', 'b=2', '--description', 'changed']);
      await same(['unset', '--property', 'a']);
      const shown = await Promise.all([
        peers.ucinder(['volume', 'type', 'show', names.mine, '-f', 'json']),
        peers.openstack(['volume', 'type', 'show', names.theirs, '-f', 'json']),
      ]);
      const [mineShown, theirsShown] = shown.map((run) => JSON.parse(run.stdout) as Row);
      expectSameRecord(mineShown, theirsShown, { ignoreValues: ['id', 'name'] });
      expect(mineShown!.properties).toEqual({ keep: 'yes', b: '2' });
      expect(mineShown!.description).toBe('changed');
      await same(['delete']);
    } finally {
      expectCleanedUp(await peers.ucinder(['volume', 'type', 'delete', names.mine, names.theirs]), `volume type delete ${names.mine} ${names.theirs}`);
    }
  });
});
