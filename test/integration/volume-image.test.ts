import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { privateHome, ucinder, uniqueName } from '../support/ucinder-process.js';
import { testbedSession } from './helpers/cinder-fixtures.js';
import { withGlance } from './helpers/glance.js';
import { readAt, removeBackingFile, writeAt } from './helpers/volume-files.js';

/**
 * Volumes to and from Glance on the real test bed: cinder-volume uploads the
 * volume file (the test driver reads it directly, Cinder converts it with
 * qemu-img) to the test bed's Glance, and writes images back into volumes
 * (create from an image, re-image). Bytes written into one volume's backing
 * file come back in the others. qcow2 keeps it cheap: a 1 GiB volume with a
 * few written blocks is a ~200 KiB image, where raw would move the whole GiB
 * through Glance (80 s per upload measured at load average 24).
 */
const MiB = 1024 * 1024;
/** An upload or a re-image of a 1 GiB volume takes 5-20 s on 2 busy cores. */
const SLOW = 300_000;
/** Cinder checks the volume's status before it looks at the image: any ID does for a refusal. */
const UNUSED_IMAGE_ID = '00000000-0000-4000-8000-000000000000';

describe('image create --volume and volume reimage against the real Cinder and Glance', () => {
  const glance = withGlance();
  const { env, cli, json, created, newVolume } = testbedSession();
  const withImages = () => ({ ...env, OS_IMAGE_ENDPOINT: glance.endpoint() });
  const withGlanceCli = (...args: string[]) => ucinder(args, withImages());
  const withGlanceJson = async (...args: string[]) => {
    const run = await withGlanceCli(...args, '-f', 'json');
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return JSON.parse(run.stdout);
  };

  /** Uploads with --wait as qcow2 and remembers the image for cleanup. */
  async function upload(volume: string, imageName: string, ...flags: string[]): Promise<Record<string, unknown>> {
    const run = await withGlanceCli('image', 'create', '--volume', volume, '--disk-format', 'qcow2', '--wait', '--wait-timeout', '240', ...flags, imageName, '-f', 'json');
    const printed = run.code === 0 ? (JSON.parse(run.stdout) as Record<string, unknown>) : undefined;
    if (printed) glance.images.push(printed.image_id as string);
    expect(run.code, run.stderr).toBe(0);
    return printed!;
  }

  it(
    'upload known bytes, make a volume from the image, re-image another one: the bytes are the same in all three',
    async () => {
      const source = await newVolume('it-img-src');
      const head = randomBytes(64 * 1024);
      const middle = randomBytes(4096);
      writeAt(source.id, 0, head);
      writeAt(source.id, 300 * MiB, middle);

      const imageName = uniqueName('it-img');
      const uploaded = await upload(source.name, imageName);
      expect(uploaded).toMatchObject({
        id: source.id,
        image_name: imageName,
        status: 'available',
        image_status: 'active',
        disk_format: 'qcow2',
        container_format: 'bare',
        visibility: 'private',
        protected: false,
        size: 1,
        volume_type: '__DEFAULT__',
      });
      const [listed] = await withGlanceJson('image', 'list', '--name', imageName, '--long');
      expect(listed).toMatchObject({ ID: uploaded.image_id, Status: 'active', 'Disk Format': 'qcow2', Visibility: 'private' });

      // A new volume from the image, by the image's name.
      const copy = await withGlanceJson('volume', 'create', '--image', imageName, '--size', '1', '--wait', '--wait-timeout', '240', uniqueName('it-img-copy'));
      created.volumes.push(copy.id);
      expect(copy.volume_image_metadata).toMatchObject({ image_id: uploaded.image_id, image_name: imageName });
      expect(readAt(copy.id, 0, head.length).equals(head)).toBe(true);
      expect(readAt(copy.id, 300 * MiB, middle.length).equals(middle)).toBe(true);
      expect(readAt(copy.id, 700 * MiB, 4096).equals(Buffer.alloc(4096))).toBe(true);

      // Re-imaging overwrites what another volume held.
      const target = await newVolume('it-img-reimage');
      writeAt(target.id, 0, randomBytes(head.length));
      writeAt(target.id, 700 * MiB, randomBytes(4096));
      const reimaged = await withGlanceCli('volume', 'reimage', '--image', imageName, '--wait', '--wait-timeout', '240', target.name);
      expect(reimaged.code, reimaged.stderr).toBe(0);
      expect(reimaged.stdout).toBe('');
      expect(reimaged.stderr).toContain(`volume '${target.name}' is re-imaged\n`);
      expect(readAt(target.id, 0, head.length).equals(head)).toBe(true);
      expect(readAt(target.id, 300 * MiB, middle.length).equals(middle)).toBe(true);
      expect(readAt(target.id, 700 * MiB, 4096).equals(Buffer.alloc(4096))).toBe(true);
      expect(await json('volume', 'show', target.id)).toMatchObject({
        status: 'available',
        bootable: 'true',
        volume_image_metadata: expect.objectContaining({ image_id: uploaded.image_id }),
      });
    },
    SLOW,
  );

  it(
    "an in-use volume: upload (without --force) and re-image refused with Cinder's messages (exit 1); --force uploads it, it stays in use",
    async () => {
      const volume = await newVolume('it-img-inuse');
      const attach = await cli('init-connect', volume.id, '--attachments-api', '--host', 'it-img-host', '--initiator', 'iqn.2004-10.com.ubuntu:01:it-img');
      expect(attach.code, attach.stderr).toBe(0);
      try {
        expect((await cli('volume', 'set', '--state', 'in-use', volume.id)).code).toBe(0);
        const imageName = uniqueName('it-img-inuse');
        const refused = await withGlanceCli('image', 'create', '--volume', volume.name, imageName);
        expect(refused).toMatchObject({ code: 1, stdout: '' });
        expect(refused.stderr).toMatch(new RegExp(`^ucinder: Invalid volume: Volume ${volume.id} status must be available \\(HTTP 400\\) \\(Request-ID: req-[0-9a-f-]+\\)\\n$`));
        // Cinder refused before asking Glance for an image.
        expect(await withGlanceJson('image', 'list', '--name', imageName)).toEqual([]);

        const reimage = await cli('volume', 'reimage', '--image', UNUSED_IMAGE_ID, volume.id);
        expect(reimage).toMatchObject({ code: 1, stdout: '' });
        expect(reimage.stderr).toMatch(
          new RegExp(
            `^ucinder: Invalid volume: Volume ${volume.id} status must be available or error, but current status is in-use\\. \\(HTTP 400\\) \\(Request-ID: req-[0-9a-f-]+\\)\\n$`,
          ),
        );

        const forced = await upload(volume.id, imageName, '--force');
        expect(forced).toMatchObject({ status: 'in-use', image_status: 'active', image_name: imageName });
        expect((await json('volume', 'show', volume.id)).status).toBe('in-use');
      } finally {
        expect((await cli('term-connect', volume.id)).code).toBe(0);
      }
      const old = await cli('--os-volume-api-version', '3.67', 'volume', 'reimage', '--image', UNUSED_IMAGE_ID, volume.id);
      expect(old).toMatchObject({ code: 1, stdout: '' });
      expect(old.stderr).toBe(
        "ucinder: 'volume reimage' needs Block Storage API microversion 3.68 or later, but this session uses 3.67 (pinned by --os-volume-api-version / OS_VOLUME_API_VERSION; the server's maximum is 3.70)\n",
      );
    },
    SLOW,
  );

  it(
    "an upload that fails on the backend: --wait reports Glance's status of the image and Cinder's user message (exit 1)",
    async () => {
      const volume = await newVolume('it-img-broken');
      removeBackingFile(volume.id);
      const imageName = uniqueName('it-img-broken');
      const run = await withGlanceCli('image', 'create', '--volume', volume.id, '--disk-format', 'qcow2', '--wait', imageName);
      expect(run).toMatchObject({ code: 1, stdout: '' });
      // cinder-volume deleted the image it could not fill (Glance answers 404) and filed a user message.
      expect(run.stderr).toMatch(new RegExp(`\\nucinder: image '${imageName}' is in status 'deleted': copy volume to image:Failed to upload volume to image at backend\\.\\n$`));
      expect((await json('volume', 'show', volume.id)).status).toBe('available');
    },
    SLOW,
  );

  /** Nothing listens on port 9: a request would be a connection error (exit 1), never a usage error. */
  const nowhere = () => ({ ...privateHome(), OS_ENDPOINT: 'http://127.0.0.1:9', OS_AUTH_TYPE: 'noauth', OS_PROJECT_ID: env.OS_PROJECT_ID });
  it.each([
    [['image', 'create', 'img'], "ucinder: required option '--volume <volume>' not specified"],
    [['image', 'create', '--volume', 'v', '--disk-format', 'qcow3', 'img'], "ucinder: option '--disk-format <disk-format>' argument 'qcow3' is invalid."],
    [['image', 'create', '--volume', 'v', '--public', '--private', 'img'], "ucinder: option '--public' cannot be used with option '--private'"],
    [['image', 'create', '--volume', 'v', '--wait', 'img'], 'ucinder: --wait needs the image service: give the Glance endpoint'],
    [['volume', 'reimage', 'v'], "ucinder: required option '--image <image>' not specified"],
    [['volume', 'reimage', '--image', 'cirros', 'v'], "ucinder: --image 'cirros' is not an image ID; to use image names, give the Glance endpoint"],
    [['volume', 'group', 'replication', 'target', 'list'], "ucinder: missing required argument 'group'"],
  ])('bad input %j: one line, exit 2, before any request', async (args, message) => {
    const run = await ucinder(args, nowhere());
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.startsWith(message), run.stderr).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
