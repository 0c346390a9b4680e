import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { glanceEndpoint, testbedEnv } from '../support/testbed.js';
import { privateHome, ROOT, ucinder, uniqueName } from '../support/ucinder-process.js';

/**
 * Glance joins the test bed only here (test/testbed/glance.sh up: install,
 * start, upload a 1 MiB raw image). Cinder fetches the image itself through
 * glance_api_servers, which testbed.sh points at the same port.
 */
const IMAGE = 'ucinder-tiny-raw';
const env = { ...testbedEnv(), ...privateHome(), OS_IMAGE_ENDPOINT: glanceEndpoint() };
let imageId = '';

describe('image list and volume create --image NAME through Glance', () => {
  beforeAll(() => {
    imageId = execFileSync('bash', [join(ROOT, 'test/testbed/glance.sh'), 'up'], { encoding: 'utf8', timeout: 600_000 })
      .trim()
      .split('\n')
      .pop()!;
  }, 620_000);

  it('image list shows the test image', async () => {
    const run = await ucinder(['image', 'list', '--name', IMAGE, '--long', '-f', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ ID: imageId, Name: IMAGE, Status: 'active', 'Disk Format': 'raw', Size: 1048576 })]);
  });

  it('creates a bootable volume from the image given by name', async () => {
    const name = uniqueName('it-image');
    const run = await ucinder(['volume', 'create', '--image', IMAGE, '--size', '1', '--wait', '-f', 'json', name], env);
    try {
      expect(run.code, run.stderr).toBe(0);
      const volume = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(volume).toMatchObject({ status: 'available', bootable: 'true' });
      expect(volume.volume_image_metadata).toMatchObject({ image_id: imageId, image_name: IMAGE });
    } finally {
      expectCleanedUp(await ucinder(['volume', 'delete', '--wait', name], env), `volume delete ${name}`);
    }
  });

  it('an unknown image name fails before anything is created', async () => {
    const run = await ucinder(['volume', 'create', '--image', 'no-such-image-ucinder', '--size', '1', uniqueName('it-image-missing')], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("No image with a name or ID of 'no-such-image-ucinder' exists.");
  });

  it('without a Glance endpoint, a name is a usage error and an ID is passed to Cinder as is', async () => {
    const { OS_IMAGE_ENDPOINT: _unused, ...noGlance } = env;
    const byName = await ucinder(['volume', 'create', '--image', IMAGE, '--size', '1', 'never-created'], noGlance);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain('--os-image-endpoint');
    const name = uniqueName('it-image-id');
    const byId = await ucinder(['volume', 'create', '--image', imageId, '--size', '1', '--wait', '-f', 'json', name], noGlance);
    try {
      expect(byId.code, byId.stderr).toBe(0);
      expect((JSON.parse(byId.stdout) as { volume_image_metadata: Record<string, string> }).volume_image_metadata.image_id).toBe(imageId);
    } finally {
      expectCleanedUp(await ucinder(['volume', 'delete', '--wait', name], noGlance), `volume delete ${name}`);
    }
  });
});
