import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type Row = Record<string, unknown>;

describe('parity with openstack: volume type encryption', () => {
  let peers: SideBySide;
  const encryptedName = uniqueName('par-enc');
  const plainName = uniqueName('par-enc-plain');
  const ids: string[] = [];

  beforeAll(async () => {
    peers = sideBySide();
    for (const args of [['--encryption-provider', 'luks', '--encryption-cipher', 'aes-xts-plain64', '--encryption-key-size', '256', encryptedName], [plainName]]) {
      const run = await peers.ucinder(['volume', 'type', 'create', ...args, '-f', 'value', '-c', 'id']);
      expect(run.code, run.stderr).toBe(0);
      ids.push(run.stdout.trim());
    }
  });

  afterAll(async () => {
    if (ids.length) expectCleanedUp(await peers.ucinder(['volume', 'type', 'delete', ...ids]), `volume type delete ${ids.join(' ')}`);
  });

  it('type show --encryption-type, encrypted and not: the same keys, order and values', async () => {
    for (const name of [encryptedName, plainName]) {
      const { ours, theirs } = await peers.json(['volume', 'type', 'show', '--encryption-type', name]);
      expectSameRecord(ours, theirs);
    }
    const table = await peers.text(['volume', 'type', 'show', '--encryption-type', encryptedName, '-c', 'encryption', '-c', 'name']);
    expect(table.ours).toBe(table.theirs);
  });

  it('type list --encryption-type [--long]: the same Encryption column, as data and as a table', async () => {
    for (const flags of [[], ['--long']]) {
      const { ours, theirs } = await peers.json(['volume', 'type', 'list', '--encryption-type', ...flags]);
      const mine = (rows: unknown) => (rows as Row[]).filter((row) => ids.includes(row.ID as string));
      expectSameListing(mine(ours), mine(theirs), 'ID');
    }
    const table = await peers.text(['volume', 'type', 'list', '--encryption-type', '-c', 'Name', '-c', 'Encryption']);
    // Cells, not lines: column widths follow whatever types other files have meanwhile.
    const rows = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.includes(encryptedName) || line.includes(plainName))
        .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows(table.ours)).toEqual(rows(table.theirs));
  });

  it('type create with encryption, set, unset --encryption-type: the same output', async () => {
    const names = { mine: uniqueName('par-enc-life'), theirs: uniqueName('par-enc-life') };
    const flags = ['--encryption-provider', 'luks', '--encryption-key-size', '256'];
    const created = await Promise.all([
      peers.ucinder(['volume', 'type', 'create', ...flags, names.mine, '-f', 'json']),
      peers.openstack(['volume', 'type', 'create', ...flags, names.theirs, '-f', 'json']),
    ]);
    try {
      for (const run of created) expect(run.code, run.stderr).toBe(0);
      const [mine, theirs] = created.map((run) => JSON.parse(run.stdout) as Row);
      expectSameRecord(mine, theirs, { ignoreValues: ['id', 'name', 'encryption'] });
      const withoutId = (record: Row) => ({ ...(record.encryption as Row), encryption_id: undefined });
      expect(withoutId(mine!)).toEqual(withoutId(theirs!));

      const same = async (verb: string[]) => {
        const [ours, their] = await Promise.all([peers.ucinder(['volume', 'type', ...verb, names.mine]), peers.openstack(['volume', 'type', ...verb, names.theirs])]);
        expect(ours, `ucinder volume type ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '', stderr: '' });
        expect(their, `openstack volume type ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '' });
      };
      await same(['set', '--encryption-cipher', 'aes-xts-plain64', '--encryption-control-location', 'back-end']);
      const encryption = async (name: string, peer: 'ucinder' | 'openstack') =>
        JSON.parse((await peers[peer](['volume', 'type', 'show', '--encryption-type', name, '-f', 'json'])).stdout).encryption as Row;
      expect(await encryption(names.mine, 'ucinder')).toMatchObject({ cipher: 'aes-xts-plain64', control_location: 'back-end', key_size: 256, provider: 'luks' });
      expect(await encryption(names.theirs, 'openstack')).toMatchObject({ cipher: 'aes-xts-plain64', control_location: 'back-end', key_size: 256, provider: 'luks' });
      await same(['unset', '--encryption-type']);
      expect(await encryption(names.mine, 'ucinder')).toEqual({});
    } finally {
      expectCleanedUp(await peers.ucinder(['volume', 'type', 'delete', names.mine, names.theirs]), `volume type delete ${names.mine} ${names.theirs}`);
    }
  });
});
