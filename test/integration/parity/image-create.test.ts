import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../../support/poll.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { withGlance } from '../helpers/glance.js';
import { expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type Row = Record<string, unknown>;

/**
 * `openstack image create --volume` and ucinder's, side by side on the
 * same Cinder: openstack sends the upload through Cinder alone (no image
 * service client), and so does ucinder without --wait. Each uploads its own
 * volume (an upload holds the volume in `uploading`); qcow2 keeps the
 * uploads small (the volumes hold nothing).
 */
const AT_3_70 = ['--os-volume-api-version', '3.70'];
/** Values that differ between two uploads of two volumes. */
const PER_UPLOAD = ['id', 'image_id', 'image_name', 'updated_at'];
const SLOW = 300_000;

describe('parity with openstack: image create --volume', () => {
  const glance = withGlance();
  let peers: SideBySide;
  const volumes = { mine: uniqueName('par-img-vol'), theirs: uniqueName('par-img-vol') };

  const ucinderOk = async (args: string[]) => {
    const run = await peers.ucinder(args);
    expect(run.code, `ucinder ${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run.stdout.trim();
  };
  /** Until both volumes are back from their uploads. */
  const bothAvailable = () =>
    Promise.all(
      Object.values(volumes).map((name) =>
        pollUntil(
          () => ucinderOk(['volume', 'show', name, '-f', 'value', '-c', 'status']),
          (status) => status === 'available',
          { attempts: 120, intervalMs: 2000 },
        ),
      ),
    );

  /** A new image name, whose images (whoever made them) are deleted after the file. */
  const imageName = () => {
    const name = uniqueName('par-img');
    glance.names.push(name);
    return name;
  };

  /** The same upload by both, each of its own volume; both must succeed. */
  async function uploadBoth(version: string[], flags: string[], format: string[]): Promise<{ ours: string; theirs: string }> {
    await bothAvailable();
    const [ours, theirs] = await Promise.all([
      peers.ucinder([...version, 'image', 'create', '--volume', volumes.mine, ...flags, imageName(), ...format]),
      peers.openstack([...version, 'image', 'create', '--volume', volumes.theirs, ...flags, imageName(), ...format]),
    ]);
    expect(theirs.code, `openstack: ${theirs.stderr}`).toBe(0);
    expect(ours.code, `ucinder: ${ours.stderr}`).toBe(0);
    return { ours: ours.stdout, theirs: theirs.stdout };
  }

  beforeAll(async () => {
    peers = sideBySide();
    for (const name of Object.values(volumes)) await ucinderOk(['volume', 'create', '--size', '1', '--wait', name]);
  }, SLOW);

  afterAll(async () => {
    await bothAvailable().catch(() => undefined);
    for (const name of Object.values(volumes)) await peers.ucinder(['volume', 'delete', '--wait', name]);
  }, SLOW);

  it(
    'at 3.70: the same keys, sorted, with the same values (the volume type by name; visibility and protected sent)',
    async () => {
      const { ours, theirs } = await uploadBoth(AT_3_70, ['--disk-format', 'qcow2'], ['-f', 'json']);
      const [mine, their] = [JSON.parse(ours) as Row, JSON.parse(theirs) as Row];
      expectSameRecord(mine, their, { ignoreValues: PER_UPLOAD });
      expect(Object.keys(mine)).toEqual(Object.keys(their));
      expect(mine).toMatchObject({ status: 'uploading', disk_format: 'qcow2', container_format: 'bare', visibility: 'private', protected: false, volume_type: '__DEFAULT__' });
    },
    SLOW,
  );

  it(
    "at 3.0 (openstack's default, ucinder pinned): the same record, Glance's own default visibility",
    async () => {
      const { ours, theirs } = await uploadBoth(['--os-volume-api-version', '3.0'], ['--disk-format', 'qcow2', '--container-format', 'bare'], ['-f', 'json']);
      const [mine, their] = [JSON.parse(ours) as Row, JSON.parse(theirs) as Row];
      expectSameRecord(mine, their, { ignoreValues: PER_UPLOAD });
      expect(Object.keys(mine)).toEqual(Object.keys(their));
      // Without the 3.1 parameters Cinder sends no visibility and Glance applies its default.
      expect(mine.visibility).toBe(their.visibility);
    },
    SLOW,
  );

  it(
    'the table and value formats print the same text (the per-upload fields left out)',
    async () => {
      const columns = [
        '-c',
        'container_format',
        '-c',
        'disk_format',
        '-c',
        'display_description',
        '-c',
        'protected',
        '-c',
        'size',
        '-c',
        'status',
        '-c',
        'visibility',
        '-c',
        'volume_type',
      ];
      const table = await uploadBoth(AT_3_70, ['--disk-format', 'qcow2', '--protected', '--shared'], columns);
      expect(table.ours).toBe(table.theirs);
      expect(table.ours).toContain('| protected           | True        |');
      const value = await uploadBoth(AT_3_70, ['--disk-format', 'qcow2', '--community'], ['-f', 'value', ...columns]);
      expect(value.ours).toBe(value.theirs);
      expect(value.ours).toContain('community');
    },
    SLOW,
  );

  it(
    "a volume that is not available (here in maintenance): both exit 1 with Cinder's message",
    async () => {
      await bothAvailable();
      // Cinder refuses any status but available without --force (in-use: see volume-image.test.ts); no upload starts.
      await ucinderOk(['volume', 'set', '--state', 'maintenance', volumes.mine]);
      await ucinderOk(['volume', 'set', '--state', 'maintenance', volumes.theirs]);
      try {
        const [ours, theirs] = await Promise.all([
          peers.ucinder(['image', 'create', '--volume', volumes.mine, imageName()]),
          peers.openstack(['image', 'create', '--volume', volumes.theirs, imageName()]),
        ]);
        expect([ours.code, theirs.code]).toEqual([1, 1]);
        const line = (stderr: string) =>
          stderr
            .trim()
            .replace(/^ucinder: /, '')
            .replace(/Volume [0-9a-f-]{36}/, 'Volume ID')
            .replace(/req-[0-9a-f-]+/, 'req-ID');
        expect(line(ours.stderr)).toBe(line(theirs.stderr));
        expect(line(ours.stderr)).toBe('Invalid volume: Volume ID status must be available (HTTP 400) (Request-ID: req-ID)');
      } finally {
        await ucinderOk(['volume', 'set', '--state', 'available', volumes.mine]);
        await ucinderOk(['volume', 'set', '--state', 'available', volumes.theirs]);
      }
    },
    SLOW,
  );
});
