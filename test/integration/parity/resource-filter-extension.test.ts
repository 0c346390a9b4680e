import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameListing, sideBySide, type SideBySide } from './side-by-side.js';

/**
 * openstack 6.0 (Zed) has `block storage resource filter list` (3.33+; it
 * fails without --os-volume-api-version, so both sides get it) and
 * `extension list --volume`. Its `resource filter show` crashes on Zed
 * ('ListWithMeta' object is not an iterator), so it has no peer here.
 */
describe('parity with openstack: resource filter list, extension list', () => {
  let peers: SideBySide;

  beforeAll(() => {
    peers = sideBySide();
  });

  it('block storage resource filter list: the same columns, rows and values (JSON and table)', async () => {
    const args = ['--os-volume-api-version', '3.33', 'block', 'storage', 'resource', 'filter', 'list'];
    const { ours, theirs } = await peers.json(args);
    expectSameListing(ours, theirs, 'Resource');
    const table = await peers.text(args);
    expect(table.ours).toBe(table.theirs);
  });

  it('extension list --volume, short and --long', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await peers.json(['extension', 'list', '--volume', ...long]);
      expectSameListing(ours, theirs, 'Alias');
      const csv = await peers.text(['extension', 'list', '--volume', ...long, '-f', 'csv']);
      expect(csv.ours).toBe(csv.theirs);
    }
  });
});
