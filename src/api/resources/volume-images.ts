import type { CinderSession } from '../session.js';

/**
 * A volume's data to and from Glance: uploading it as a new image
 * (os-volume_upload_image) and rewriting it from an image (os-reimage).
 * Both are asynchronous: the volume goes to `uploading` or `downloading`
 * until cinder-volume is done.
 */

/** The first microversion that takes an upload's `visibility` and `protected`. */
export const UPLOAD_IMAGE_PARAMS_MIN_VERSION = '3.1';
/** The first microversion with os-reimage. */
export const REIMAGE_MIN_VERSION = '3.68';

export interface VolumeImageUploadRequest {
  image_name: string;
  /** Upload an in-use volume (Cinder ignores it unless enable_force_upload is set). */
  force: boolean;
  container_format: string;
  disk_format: string;
  /** 3.1+ */
  visibility?: string;
  /** 3.1+ */
  protected?: boolean;
}

/**
 * Cinder's answer: the volume (id, status `uploading`, size, type) and the
 * image Glance registered for it (image_id, formats, name; visibility and
 * protected as Glance reports them).
 */
export interface VolumeImageUpload {
  id: string;
  status: string;
  image_id: string;
  image_name?: string | null;
  updated_at?: string | null;
  display_description?: string | null;
  size?: number;
  /** The volume's type as an object (its name, id, extra specs...), or null. */
  volume_type?: { name?: string | null; [field: string]: unknown } | null;
  container_format?: string;
  disk_format?: string;
  protected?: boolean;
  visibility?: string;
  [field: string]: unknown;
}

const actionPath = (volumeId: string) => `/volumes/${encodeURIComponent(volumeId)}/action`;

/**
 * Starts the upload; returns Cinder's answer and the request ID, under which
 * a failure's user message is filed (cinder-volume reports it with the RPC
 * context of this very request).
 */
export async function uploadVolumeToImage(session: CinderSession, volumeId: string, request: VolumeImageUploadRequest): Promise<{ upload: VolumeImageUpload; requestId?: string }> {
  const path = actionPath(volumeId);
  const { answer, requestId } = await session.postWithRequestId(path, { 'os-volume_upload_image': request });
  // The image's ID is what the rest follows (the wait, the output): an answer without it is no upload.
  answer.inner('os-volume_upload_image').string('image_id');
  return { upload: answer.object<VolumeImageUpload>('os-volume_upload_image'), requestId };
}

/**
 * Overwrites the whole volume with the image (3.68+): status `downloading`,
 * then back to what it was. `reimageReserved`: also a volume in `reserved`
 * (attached to a server being rebuilt); otherwise only available or error.
 * Returns the request ID (see uploadVolumeToImage).
 */
export function reimageVolume(session: CinderSession, volumeId: string, imageId: string, reimageReserved: boolean): Promise<string | undefined> {
  return session.postForRequestId(actionPath(volumeId), { 'os-reimage': { image_id: imageId, reimage_reserved: reimageReserved } });
}
