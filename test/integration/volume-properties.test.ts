import { describe, expect, it } from 'vitest';
import { testbedSession } from './helpers/cinder-fixtures.js';

/** openstack's property and image-property flags of volume set/unset on the real Cinder. */
describe('volume set --no-property / --image-property and unset --image-property', () => {
  const { cli, json, newVolume } = testbedSession();

  it('replaces the properties, sets and removes image properties', async () => {
    const { id } = await newVolume('it-vprops', '--property', 'a=1', '--property', 'b=2');
    expect((await cli('volume', 'set', '--no-property', '--property', 'c=3', '--image-property', 'hw_disk_bus=scsi', id)).code).toBe(0);
    const set = await json('volume', 'show', id);
    expect(set.properties).toEqual({ c: '3' });
    expect(set.volume_image_metadata).toEqual({ hw_disk_bus: 'scsi' });

    expect((await cli('volume', 'unset', '--image-property', 'hw_disk_bus', id)).code).toBe(0);
    expect((await cli('volume', 'set', '--no-property', id)).code).toBe(0);
    const cleared = await json('volume', 'show', id);
    expect(cleared.properties).toEqual({});
    // Cinder leaves the key out once no image property is left.
    expect(cleared.volume_image_metadata ?? {}).toEqual({});
  });

  it("removing an image property the volume lacks is Cinder's one-line error, exit 1", async () => {
    const { id } = await newVolume('it-vprops-missing');
    const run = await cli('volume', 'unset', '--image-property', 'no_such_key', id);
    expect(run.code).toBe(1);
    // Cinder's wording when the volume has no image metadata at all.
    expect(run.stderr).toMatch(new RegExp(`^ucinder: Glance metadata for volume/snapshot ${id} cannot be found\\. \\(HTTP 404\\) \\(Request-ID: req-[0-9a-f-]+\\)\\n$`));
    expect(run.stderr).not.toMatch(/at .*\.js|Traceback/);
  });
});
