import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { testbedScriptEnv } from '../../support/testbed.js';
import { ROOT } from '../../support/ucinder-process.js';

/**
 * The test bed's Glance (test/testbed/glance.sh) for the tests that move
 * volumes to and from images: started before the file's tests (it stays up,
 * as the other Glance tests leave it), and the images a test made deleted
 * after the file, straight through Glance's API (ucinder has no image delete).
 */
export function withGlance(): { endpoint: () => string; images: string[]; names: string[] } {
  let endpoint = '';
  /** Images to delete, by ID, and by name (every image of that name: for uploads another client made). */
  const images: string[] = [];
  const names: string[] = [];
  beforeAll(() => {
    execFileSync('bash', [join(ROOT, 'test/testbed/glance.sh'), 'up'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
    // glance.sh env follows UCINDER_GLANCE_PORT, as the test bed's glance_api_servers does.
    endpoint = testbedScriptEnv('glance.sh').OS_IMAGE_ENDPOINT!;
  }, 620_000);
  afterAll(async () => {
    for (const name of names.splice(0)) {
      const listed = (await (await fetch(`${endpoint}/v2/images?name=${encodeURIComponent(name)}`)).json()) as { images: { id: string }[] };
      for (const image of listed.images) images.push(image.id);
    }
    for (const id of images.splice(0)) {
      const response = await fetch(`${endpoint}/v2/images/${id}`, { method: 'DELETE' });
      if (response.status !== 204 && response.status !== 404) console.warn(`cleanup: DELETE image ${id}: HTTP ${response.status}`);
    }
  });
  return { endpoint: () => endpoint, images, names };
}
