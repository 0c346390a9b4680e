import type { GlanceClient } from '../../api/glance.js';
import { getImage, type Image } from '../../api/resources/images.js';
import type { VolumeImageUpload } from '../../api/resources/volume-images.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';
import type { StatusTarget } from '../../api/wait.js';
import { ApiError } from '../../http/errors.js';
import type { Factory } from '../factory.js';
import type { UploadOutcome } from '../views/volume-image.js';
import { loggedUnder, messageForRequest, volumeServiceOf } from './failure-logs.js';
import { waitWithProgress, type WaitFlags } from './progress.js';
import { waitForVolumeStatus } from './volume.js';

/**
 * Glance statuses an upload never leaves. cinder-volume deletes an image
 * whose upload failed while it was queued or saving, so Glance then answers
 * 404: that reads as `deleted` too.
 */
const GLANCE_FAILED = new Set(['killed', 'deleted', 'pending_delete', 'deactivated']);

/** What `image create --volume` sent: the upload Cinder accepted, under which request ID. */
interface SentUpload {
  upload: VolumeImageUpload;
  requestId?: string;
}

/**
 * Follows an upload to its end: first the volume back in service (Cinder
 * puts it back to available or in-use whether the upload worked or not),
 * then the image in Glance to `active`. A failed upload ends with Glance's
 * status of the image and the user message Cinder filed under the request.
 */
export async function waitForUpload(f: Factory, session: CinderSession, glance: GlanceClient, volume: Volume, sent: SentUpload, flags: WaitFlags): Promise<UploadOutcome> {
  const settled = await waitForVolumeStatus(f, session, volume, ['available', 'in-use'], flags, 'finish the upload');
  const label = `image '${sent.upload.image_name || sent.upload.image_id}'`;
  const target: StatusTarget<Image> = {
    label,
    fetch: () => imageOrDeleted(glance, sent.upload.image_id),
    status: (image) => image.status,
    done: ['active'],
    failed: (status) => GLANCE_FAILED.has(status),
    explain: async () =>
      (await messageForRequest(session, volume.id, sent.requestId)) ?? `Cinder left no user message; ${loggedUnder(sent.requestId)} in the log of ${volumeServiceOf(settled)}`,
  };
  const image = await waitWithProgress(f, target, flags, { start: `Waiting for ${label} to become active`, done: `${label} is active` });
  return { volume: settled, image };
}

async function imageOrDeleted(glance: GlanceClient, id: string): Promise<Image> {
  try {
    return await getImage(glance, id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { id, name: null, status: 'deleted' };
    throw error;
  }
}
