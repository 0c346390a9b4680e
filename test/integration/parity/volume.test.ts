import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { csvHeader, expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

/** Values that move between two reads of the same volume. */
const MOVING = ['updated_at'];

describe('parity with openstack: volume', () => {
  let peers: SideBySide;
  let volumeId: string;
  const name = uniqueName('par-vol');

  beforeAll(async () => {
    peers = sideBySide();
    const created = await peers.ucinder(['volume', 'create', '--size', '1', '--property', 'tier=gold', '--wait', '-f', 'json', name]);
    expect(created.code, created.stderr).toBe(0);
    volumeId = JSON.parse(created.stdout).id;
  });

  afterAll(async () => {
    if (volumeId) expectCleanedUp(await peers.ucinder(['volume', 'delete', '--wait', volumeId]), `volume delete ${volumeId}`);
  });

  it('volume show: the same keys, in the same order, with the same values', async () => {
    const { ours, theirs } = await peers.json(['volume', 'show', volumeId]);
    expectSameRecord(ours, theirs, { ignoreValues: MOVING });
    expect((ours as Record<string, unknown>).properties).toEqual({ tier: 'gold' });
  });

  it('volume show -f value -c type -c properties, and -f shell, print what openstack prints', async () => {
    const value = await peers.text(['volume', 'show', volumeId, '-f', 'value', '-c', 'properties', '-c', 'type', '-c', 'size']);
    expect(value.ours).toBe(value.theirs);
    const shell = await peers.text(['volume', 'show', volumeId, '-f', 'shell', '--prefix', 'v_', '-c', 'type', '-c', 'properties', '-c', 'status']);
    expect(shell.ours).toBe(shell.theirs);
  });

  it('volume list and --long: the same columns in the same order and the same values', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await peers.json(['volume', 'list', '--name', name, ...long]);
      expectSameListing(ours, theirs, 'ID');
      const csv = await peers.text(['volume', 'list', '--name', name, ...long, '-f', 'csv']);
      expect(csvHeader(csv.ours).startsWith(csvHeader(csv.theirs)), csv.ours).toBe(true);
    }
  });

  it('volume create: the same keys in the same order; set, unset and delete print nothing, as openstack', async () => {
    const created: string[] = [];
    try {
      const mine = await peers.ucinder(['volume', 'create', '--size', '1', '--property', 'a=1', '-f', 'json', uniqueName('par-cr-u')]);
      const theirs = await peers.openstack(['volume', 'create', '--size', '1', '--property', 'a=1', '-f', 'json', uniqueName('par-cr-o')]);
      expect(mine.code, mine.stderr).toBe(0);
      expect(theirs.code, theirs.stderr).toBe(0);
      const ours = JSON.parse(mine.stdout);
      const their = JSON.parse(theirs.stdout);
      created.push(ours.id, their.id);
      // Two different volumes: compare the keys and the values that do not name the volume.
      expectSameRecord(ours, their, { ignoreValues: ['id', 'name', 'created_at', 'updated_at', 'status'] });
      for (const id of created) {
        const [u, o] = await Promise.all([
          peers.ucinder(['volume', 'set', '--property', 'b=2', '--description', 'd', id]),
          peers.openstack(['volume', 'unset', '--property', 'a', id]),
        ]);
        expect([u.code, u.stdout, o.code, o.stdout]).toEqual([0, '', 0, '']);
      }
    } finally {
      for (const id of created) {
        const gone = await peers.ucinder(['volume', 'delete', '--wait', id]);
        expect([gone.code, gone.stdout], gone.stderr).toEqual([0, '']);
      }
    }
  });

  it('volume list -f value with -c given out of order prints the table order, as openstack does', async () => {
    const { ours, theirs } = await peers.text(['volume', 'list', '--name', name, '-f', 'value', '-c', 'Status', '-c', 'ID', '-c', 'Attached to']);
    expect(ours).toBe(theirs);
    // JSON and table text, byte for byte.
    for (const format of [
      ['-f', 'json'],
      ['-f', 'json', '--noindent'],
      ['-f', 'table'],
    ]) {
      const text = await peers.text(['volume', 'list', '--name', name, ...format]);
      expect(text.ours, format.join(' ')).toBe(text.theirs);
    }
  });
});
