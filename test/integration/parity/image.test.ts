import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { glancePeers, startGlance } from './cloud-peers.js';
import { csvHeader, expectSameListing, sideBySide, type SideBySide } from './side-by-side.js';

/**
 * `image list` against the test bed's Glance (test/testbed/glance.sh),
 * which openstack reaches through an image endpoint override in clouds.yaml.
 * Two extra images, created b before a, make the name order differ from
 * Glance's own (newest first), and one has tags.
 */
describe('parity with openstack: image list', () => {
  let peers: SideBySide;
  const prefix = uniqueName('par-img');
  const created: string[] = [];

  beforeAll(async () => {
    startGlance();
    peers = sideBySide(glancePeers());
    for (const [name, tags] of [
      [`${prefix}-b`, ['beta', 'alpha']],
      [`${prefix}-a`, []],
    ] as const) {
      const run = await peers.openstack(['image', 'create', ...tags.flatMap((tag) => ['--tag', tag]), '-f', 'value', '-c', 'id', name]);
      expect(run.code, run.stderr).toBe(0);
      created.push(run.stdout.trim());
    }
  }, 900_000);

  afterAll(async () => {
    if (created.length) expectCleanedUp(await peers.openstack(['image', 'delete', ...created]), `openstack image delete ${created.join(' ')}`);
  });

  it('image list and --long: the same columns in the same order and the same values', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await peers.json(['image', 'list', ...long]);
      expectSameListing(ours, theirs, 'ID');
      const csv = await peers.text(['image', 'list', ...long, '-f', 'csv']);
      expect(csvHeader(csv.ours)).toBe(csvHeader(csv.theirs));
    }
  });

  it('image list -f value prints the images in name order (and --sort name:desc reversed), as openstack does', async () => {
    const { ours, theirs } = await peers.text(['image', 'list', '-f', 'value', '-c', 'Name', '-c', 'ID']);
    expect(ours).toBe(theirs);
    const names = ours.split('\n').map((line) => line.split(' ')[1]);
    expect(names.indexOf(`${prefix}-a`)).toBeLessThan(names.indexOf(`${prefix}-b`));
    const reversed = await peers.text(['image', 'list', '--sort', 'name:desc', '-f', 'value', '-c', 'Name']);
    expect(reversed.ours).toBe(reversed.theirs);
  });

  it('image list --long -f value: tags and the other columns as openstack prints them', async () => {
    const { ours, theirs } = await peers.text(['image', 'list', '--long', '--name', `${prefix}-b`, '-f', 'value']);
    expect(ours).toBe(theirs);
    // The tags as a Python list, in whatever order Glance keeps them.
    expect(ours).toMatch(/\['beta', 'alpha'\]|\['alpha', 'beta'\]/);
  });
});
