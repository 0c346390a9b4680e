import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { expectCleanedUp } from '../../support/cleanup.js';
import { testbedSession } from '../helpers/cinder-fixtures.js';
import { expectSameListing, sideBySide, type SideBySide } from './side-by-side.js';

/** openstack speaks 3.0 unless told: the attachments API needs 3.27 (both sides get the same flag). */
const V327 = ['--os-volume-api-version', '3.27'];

describe('parity with openstack: volume attachment list and show', () => {
  const { json, newVolume } = testbedSession();
  let peers: SideBySide;

  beforeAll(() => {
    peers = sideBySide();
  });

  it('list --volume-id and show print what openstack prints', async () => {
    const { id } = await newVolume('par-att');
    const attachment = await json('volume', 'attachment', 'create', id, randomUUID());
    try {
      const listed = await peers.json([...V327, 'volume', 'attachment', 'list', '--volume-id', id]);
      expect(listed.ours).toHaveLength(1);
      expectSameListing(listed.ours, listed.theirs, 'ID');
      const shown = await peers.json([...V327, 'volume', 'attachment', 'show', attachment.ID]);
      expect(shown.ours).toEqual(shown.theirs);
      const value = await peers.text([...V327, 'volume', 'attachment', 'show', attachment.ID, '-f', 'value']);
      expect(value.ours).toBe(value.theirs);
    } finally {
      expectCleanedUp(await peers.ucinder(['volume', 'attachment', 'delete', attachment.ID]), `volume attachment delete ${attachment.ID}`);
    }
  });
});
