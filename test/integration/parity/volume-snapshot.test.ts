import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { csvHeader, expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type Row = Record<string, unknown>;

/** Values that differ between two snapshots made the same way. */
const PER_SNAPSHOT = ['id', 'name', 'created_at', 'updated_at'];

describe('parity with openstack: volume snapshot', () => {
  let peers: SideBySide;
  const volumeName = uniqueName('par-snap-vol');
  const snapshotName = uniqueName('par-snap');
  let volumeId = '';
  let snapshotId = '';
  /** Every snapshot made here, deleted (and waited for) before the volume. */
  const made: string[] = [];

  const ucinderOk = async (args: string[]) => {
    const run = await peers.ucinder(args);
    expect(run.code, `ucinder ${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run.stdout.trim();
  };

  /** The snapshot's status, or undefined once it is gone. */
  const statusOf = async (id: string) => {
    const run = await peers.ucinder(['volume', 'snapshot', 'show', id, '-f', 'value', '-c', 'status']);
    return run.code === 0 ? run.stdout.trim() : undefined;
  };
  const waitUntil = async (id: string, done: (status: string | undefined) => boolean) => {
    for (let tries = 0; tries < 120 && !done(await statusOf(id)); tries++) await new Promise((resolve) => setTimeout(resolve, 500));
  };

  beforeAll(async () => {
    peers = sideBySide();
    volumeId = await ucinderOk(['volume', 'create', '--size', '1', '--wait', '-f', 'value', '-c', 'id', volumeName]);
    snapshotId = await ucinderOk([
      'volume',
      'snapshot',
      'create',
      '--volume',
      volumeId,
      '--description',
      'before upgrade',
      '--property',
      'purpose=test',
      '--property',
      'a=1',
      '--wait',
      '-f',
      'value',
      '-c',
      'id',
      snapshotName,
    ]);
    made.push(snapshotId);
  });

  afterAll(async () => {
    for (const id of made) {
      expectCleanedUp(await peers.ucinder(['volume', 'snapshot', 'delete', id]), `volume snapshot delete ${id}`);
      // Also those the test deleted: the volume can go only when its snapshots are gone.
      await waitUntil(id, (status) => status === undefined);
    }
    if (volumeId) expectCleanedUp(await peers.ucinder(['volume', 'delete', '--wait', volumeId]), `volume delete ${volumeId}`);
  });

  it('volume snapshot show: the same keys, in the same order, with the same values (metadata as properties)', async () => {
    const { ours, theirs } = await peers.json(['volume', 'snapshot', 'show', snapshotId]);
    expectSameRecord(ours, theirs);
    expect((ours as Row).properties).toEqual({ purpose: 'test', a: '1' });
  });

  it('volume snapshot show -f value, -f shell and a table of properties print what openstack prints', async () => {
    const value = await peers.text(['volume', 'snapshot', 'show', snapshotName, '-f', 'value', '-c', 'properties', '-c', 'volume_id', '-c', 'status']);
    expect(value.ours).toBe(value.theirs);
    const shell = await peers.text(['volume', 'snapshot', 'show', snapshotName, '-f', 'shell', '--prefix', 's_', '-c', 'properties', '-c', 'size', '-c', 'name']);
    expect(shell.ours).toBe(shell.theirs);
    const table = await peers.text(['volume', 'snapshot', 'show', snapshotName, '-c', 'properties', '-c', 'description']);
    expect(table.ours).toBe(table.theirs);
  });

  it('volume snapshot list and --long: the same columns in the same order and the same values (Volume: the volume ID as data)', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await peers.json(['volume', 'snapshot', 'list', '--volume', volumeId, ...long]);
      expectSameListing(ours, theirs, 'ID');
      const csv = await peers.text(['volume', 'snapshot', 'list', '--volume', volumeId, ...long, '-f', 'csv']);
      expect(csvHeader(csv.ours)).toBe(csvHeader(csv.theirs));
    }
    const { ours } = await peers.json(['volume', 'snapshot', 'list', '--name', snapshotName, '--long']);
    expect((ours as Row[])[0]!.Volume).toBe(volumeId);
  });

  it('volume snapshot list --long: -f value carries the volume ID, a table shows its name, as openstack', async () => {
    const value = await peers.text(['volume', 'snapshot', 'list', '--name', snapshotName, '--long', '-f', 'value']);
    expect(value.ours).toBe(value.theirs);
    expect(value.ours).toContain(volumeId);
    const table = await peers.text(['volume', 'snapshot', 'list', '--name', snapshotName, '--long', '-c', 'ID', '-c', 'Volume', '-c', 'Properties']);
    expect(table.ours).toBe(table.theirs);
    expect(table.ours).toContain(volumeName);
  });

  it("volume snapshot list --all-projects: openstack's columns first, ucinder's Project after them", async () => {
    const csv = await peers.text(['volume', 'snapshot', 'list', '--all-projects', '--name', snapshotName, '-f', 'csv']);
    expect(csvHeader(csv.ours)).toBe(`${csvHeader(csv.theirs)},"Project"`);
  });

  it('volume snapshot create, set, unset and delete: the same create output, and set/unset/delete print nothing', async () => {
    const names = { mine: uniqueName('par-snap-life'), theirs: uniqueName('par-snap-life') };
    const flags = ['--volume', volumeId, '--description', 'd', '--property', 'a=1', '--property', 'keep=yes'];
    const created = await Promise.all([
      peers.ucinder(['volume', 'snapshot', 'create', ...flags, names.mine, '-f', 'json']),
      peers.openstack(['volume', 'snapshot', 'create', ...flags, names.theirs, '-f', 'json']),
    ]);
    for (const run of created) expect(run.code, run.stderr).toBe(0);
    const [mine, theirs] = created.map((run) => JSON.parse(run.stdout) as Row);
    made.push(mine!.id as string, theirs!.id as string);
    expectSameRecord(mine, theirs, { ignoreValues: PER_SNAPSHOT });
    expect(mine!.properties).toEqual({ a: '1', keep: 'yes' });

    // Deleting wants an available snapshot.
    for (const id of [mine!.id, theirs!.id] as string[]) await waitUntil(id, (status) => status !== 'creating');
    const same = async (verb: string[]) => {
      const [ucinderRun, openstackRun] = await Promise.all([
        peers.ucinder(['volume', 'snapshot', ...verb, names.mine]),
        peers.openstack(['volume', 'snapshot', ...verb, names.theirs]),
      ]);
      expect(ucinderRun, `ucinder volume snapshot ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(openstackRun, `openstack volume snapshot ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '' });
    };
    await same(['set', '--property', 'b=2', '--description', 'changed']);
    await same(['unset', '--property', 'a']);
    await same(['set', '--no-property', '--property', 'only=this']);
    const shown = await Promise.all([
      peers.ucinder(['volume', 'snapshot', 'show', names.mine, '-f', 'json']),
      peers.openstack(['volume', 'snapshot', 'show', names.theirs, '-f', 'json']),
    ]);
    const [mineShown, theirsShown] = shown.map((run) => JSON.parse(run.stdout) as Row);
    expectSameRecord(mineShown, theirsShown, { ignoreValues: PER_SNAPSHOT });
    expect(mineShown).toMatchObject({ properties: { only: 'this' }, description: 'changed', status: 'available' });
    await same(['delete']);
  });
});
