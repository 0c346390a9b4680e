import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { csvHeader, expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type Row = Record<string, unknown>;

describe('parity with openstack: volume qos', () => {
  let peers: SideBySide;
  const associatedName = uniqueName('par-qos-assoc');
  const bareName = uniqueName('par-qos-bare');
  const typeName = uniqueName('par-qos-type');
  let associatedId = '';
  let bareId = '';

  beforeAll(async () => {
    peers = sideBySide();
    const create = async (args: string[]) => {
      const run = await peers.ucinder([...args, '-f', 'value', '-c', 'id']);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout.trim();
    };
    associatedId = await create(['volume', 'qos', 'create', '--consumer', 'front-end', '--property', 'read_iops_sec=500', '--property', 'b=2', associatedName]);
    bareId = await create(['volume', 'qos', 'create', bareName]);
    await create(['volume', 'type', 'create', typeName]);
    expect((await peers.ucinder(['volume', 'qos', 'associate', associatedName, typeName])).code).toBe(0);
  });

  afterAll(async () => {
    const ids = [associatedId, bareId].filter(Boolean);
    if (ids.length) expectCleanedUp(await peers.ucinder(['volume', 'qos', 'delete', '--force', ...ids]), `volume qos delete ${ids.join(' ')}`);
    expectCleanedUp(await peers.ucinder(['volume', 'type', 'delete', typeName]), `volume type delete ${typeName}`);
  });

  it('volume qos show, with and without associations: the same keys, order and values', async () => {
    for (const name of [associatedName, bareName]) {
      const { ours, theirs } = await peers.json(['volume', 'qos', 'show', name]);
      expectSameRecord(ours, theirs);
      expect(Object.keys(ours as Row)).toEqual(Object.keys(theirs as Row));
    }
    const table = await peers.text(['volume', 'qos', 'show', associatedName]);
    expect(table.ours).toBe(table.theirs);
    const shell = await peers.text(['volume', 'qos', 'show', associatedName, '-f', 'shell', '--prefix', 'q_']);
    expect(shell.ours).toBe(shell.theirs);
  });

  it("volume qos list: the same columns, rows and values (Associations a list, or '' for none)", async () => {
    const { ours, theirs } = await peers.json(['volume', 'qos', 'list']);
    const mine = (rows: unknown) => (rows as Row[]).filter((row) => [associatedId, bareId].includes(row.ID as string));
    expectSameListing(mine(ours), mine(theirs), 'ID');
    expect(mine(ours).find((row) => row.ID === bareId)!.Associations).toBe('');
    const csv = await peers.text(['volume', 'qos', 'list', '-f', 'csv']);
    expect(csvHeader(csv.ours)).toBe(csvHeader(csv.theirs));
    const value = await peers.text(['volume', 'qos', 'list', '-f', 'value', '-c', 'Name', '-c', 'Associations', '-c', 'Properties']);
    const lines = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith(associatedName) || line.startsWith(bareName))
        .sort();
    expect(lines(value.ours)).toEqual(lines(value.theirs));
  });

  it('create, set, unset, associate, disassociate and delete: the same create output; the others print nothing', async () => {
    const names = { mine: uniqueName('par-qos-life'), theirs: uniqueName('par-qos-life') };
    const created = await Promise.all([
      peers.ucinder(['volume', 'qos', 'create', '--consumer', 'back-end', '--property', 'x=1', names.mine, '-f', 'json']),
      peers.openstack(['volume', 'qos', 'create', '--consumer', 'back-end', '--property', 'x=1', names.theirs, '-f', 'json']),
    ]);
    try {
      for (const run of created) expect(run.code, run.stderr).toBe(0);
      const [mine, theirs] = created.map((run) => JSON.parse(run.stdout) as Row);
      expectSameRecord(mine, theirs, { ignoreValues: ['id', 'name'] });
      expect(mine).toMatchObject({ consumer: 'back-end', properties: { x: '1' } });

      const same = async (verb: string[], after: string[] = []) => {
        const [ours, theirs] = await Promise.all([
          peers.ucinder(['volume', 'qos', ...verb, names.mine, ...after]),
          peers.openstack(['volume', 'qos', ...verb, names.theirs, ...after]),
        ]);
        expect(ours, `ucinder volume qos ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '', stderr: '' });
        expect(theirs, `openstack volume qos ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '' });
      };
      await same(['set', '--property', 'y=2']);
      await same(['unset', '--property', 'x']);
      const shown = await Promise.all([peers.ucinder(['volume', 'qos', 'show', names.mine, '-f', 'json']), peers.openstack(['volume', 'qos', 'show', names.theirs, '-f', 'json'])]);
      const [mineShown, theirsShown] = shown.map((run) => JSON.parse(run.stdout) as Row);
      expectSameRecord(mineShown, theirsShown, { ignoreValues: ['id', 'name'] });
      expect(mineShown!.properties).toEqual({ y: '2' });
      await same(['disassociate', '--all']);
      await same(['delete']);
    } finally {
      expectCleanedUp(await peers.ucinder(['volume', 'qos', 'delete', '--force', names.mine, names.theirs]), `volume qos delete ${names.mine} ${names.theirs}`);
    }
  });

  it("delete of a QoS still associated fails in both, exit 1, naming Cinder's reason", async () => {
    const [ours, theirs] = await Promise.all([peers.ucinder(['volume', 'qos', 'delete', associatedName]), peers.openstack(['volume', 'qos', 'delete', associatedName])]);
    expect(ours.code).toBe(1);
    expect(theirs.code).toBe(1);
    expect(ours.stderr).toContain('Qos specs still in use.');
    expect(theirs.stderr).toContain('Qos specs still in use.');
  });
});
