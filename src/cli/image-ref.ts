import { findImage, looksLikeImageId } from '../api/resources/images.js';
import type { Factory } from './factory.js';
import { UsageError } from '../errors.js';


/**
 * `volume create --image NAME|ID` → the image ID Cinder wants. Without a
 * Glance endpoint only an ID is accepted (Cinder checks it itself), so
 * nothing else ever needs Glance.
 */
export async function resolveImageRef(f: Factory, nameOrId: string): Promise<string> {
  const glance = await f.glance();
  if (glance) return (await findImage(glance, nameOrId)).id;
  if (looksLikeImageId(nameOrId)) return nameOrId;
  throw new UsageError(
    `--image '${nameOrId}' is not an image ID; to use image names, give the Glance endpoint (--os-image-endpoint / OS_IMAGE_ENDPOINT) or authenticate with a catalog that has one`,
  );
}
