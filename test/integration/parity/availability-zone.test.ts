import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameListing, sideBySide, type SideBySide } from './side-by-side.js';

/**
 * openstack's plain `availability zone list` also asks compute and network,
 * which the test bed lacks (it fails there); `--volume` asks only Cinder,
 * which is all ucinder ever asks.
 */
describe('parity with openstack: availability zone list', () => {
  let peers: SideBySide;

  beforeAll(() => {
    peers = sideBySide();
  });

  it('availability zone list --volume and --volume --long: the same columns in the same order and the same values', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await peers.json(['availability', 'zone', 'list', '--volume', ...long]);
      expectSameListing(ours, theirs, 'Zone Name');
      const csv = await peers.text(['availability', 'zone', 'list', '--volume', ...long, '-f', 'csv']);
      expect(csv.ours).toBe(csv.theirs);
    }
  });

  it('-f value with -c given out of order prints what openstack prints', async () => {
    const { ours, theirs } = await peers.text(['availability', 'zone', 'list', '--volume', '--long', '-f', 'value', '-c', 'Host Name', '-c', 'Zone Status', '-c', 'Zone Name']);
    expect(ours).toBe(theirs);
  });

  it('without --volume ucinder prints the same volume zones', async () => {
    const [plain, volume] = await Promise.all([
      peers.ucinder(['availability', 'zone', 'list', '--long', '-f', 'json']),
      peers.ucinder(['availability', 'zone', 'list', '--volume', '--long', '-f', 'json']),
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).not.toEqual([]);
    expect(JSON.parse(plain.stdout)).toEqual(JSON.parse(volume.stdout));
  });
});
