import { beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, sideBySide, type SideBySide } from './side-by-side.js';

type Row = { Name: string; Value: unknown };

/**
 * openstack's `limits show` lists compute limits, then volume limits. On the
 * noauth test bed its "compute" client talks to the only endpoint it has,
 * Cinder, so it prints Cinder's limits twice: ucinder (block storage only)
 * must print what openstack prints as the volume part, the second half.
 * (With Keystone it cannot run at all: it needs a compute endpoint.)
 */
function volumePart<T>(rows: T[]): T[] {
  const half = rows.length / 2;
  expect(Number.isInteger(half) && half > 0, 'openstack printed Cinder limits twice').toBe(true);
  return rows.slice(half);
}

describe('parity with openstack: limits show', () => {
  let peers: SideBySide;

  beforeAll(() => {
    peers = sideBySide();
  });

  it('limits show --absolute: Name and Value, the same names in the same order, the same limits', async () => {
    const { ours, theirs } = await peers.json(['limits', 'show', '--absolute']);
    const mine = ours as Row[];
    const volume = volumePart(theirs as Row[]);
    expect(mine.map((row) => Object.keys(row))).toEqual(volume.map((row) => Object.keys(row)));
    expect(mine.map((row) => row.Name)).toEqual(volume.map((row) => row.Name));
    // The max* limits are settings; the total*Used counts move with the volumes other tests create meanwhile.
    const limits = (rows: Row[]) => rows.filter((row) => row.Name.startsWith('max'));
    expect(limits(mine).length).toBeGreaterThan(0);
    expect(limits(mine)).toEqual(limits(volume));
    for (const row of mine) expect(typeof row.Value, row.Name).toBe('number');
  });

  it('limits show --absolute -f value -c Name prints the names openstack prints', async () => {
    const { ours, theirs } = await peers.text(['limits', 'show', '--absolute', '-f', 'value', '-c', 'Name']);
    const lines = (text: string) => text.trimEnd().split('\n');
    expect(lines(ours)).toEqual(volumePart(lines(theirs)));
  });

  it('limits show --rate: the same columns (Cinder has no rate limits here: both empty)', async () => {
    const { ours, theirs } = await peers.json(['limits', 'show', '--rate']);
    expect(ours).toEqual(theirs);
    const csv = await peers.text(['limits', 'show', '--rate', '-f', 'csv']);
    expect(csvHeader(csv.ours)).toBe(csvHeader(csv.theirs));
    expect(csvHeader(csv.ours)).toBe('"Verb","URI","Value","Remain","Unit","Next Available"');
  });
});
