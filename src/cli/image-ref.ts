import type { GlanceClient } from '../api/glance.js';
import { findImage, looksLikeImageId } from '../api/resources/images.js';
import type { Factory } from './factory.js';
import { UsageError } from '../errors.js';

/**
 * `--image NAME|ID` (volume create, volume reimage) → the image ID Cinder
 * wants. Without a Glance endpoint only an ID is accepted (Cinder checks it
 * itself), so these work where ucinder cannot reach Glance.
 */
export async function resolveImageRef(f: Factory, nameOrId: string): Promise<string> {
  return (await prepareImageRef(f, nameOrId))();
}

/**
 * resolveImageRef in two steps: whether the argument can be resolved at all
 * is known before any request (a name without Glance is a usage error), the
 * lookup itself runs when called, after the command's own checks.
 */
export async function prepareImageRef(f: Factory, nameOrId: string): Promise<() => Promise<string>> {
  const glance = await f.glance();
  if (glance) return async () => (await findImage(glance, nameOrId)).id;
  if (looksLikeImageId(nameOrId)) return async () => nameOrId;
  throw new UsageError(
    `--image '${nameOrId}' is not an image ID; to use image names, give the Glance endpoint (--os-image-endpoint / OS_IMAGE_ENDPOINT) or authenticate with a catalog that has one`,
  );
}

/** Glance, for a command (or `feature` of one) that cannot work without it: a usage error when no endpoint is known. */
export async function requireGlance(f: Factory, feature: string): Promise<GlanceClient> {
  const glance = await f.glance();
  if (glance) return glance;
  throw new UsageError(
    `${feature} needs the image service: give the Glance endpoint (--os-image-endpoint / OS_IMAGE_ENDPOINT), e.g. http://controller:9292, or authenticate with a catalog that has one`,
  );
}
