import type { Image } from '../../api/resources/images.js';
import type { VolumeImageUpload } from '../../api/resources/volume-images.js';
import type { Volume } from '../../api/resources/volumes.js';
import { details, type Details, type Value } from '../../output/result.js';

/** Where an upload ended, once --wait has followed it: the volume back in service, the image in Glance. */
export interface UploadOutcome {
  volume: Volume;
  image: Image;
}

/**
 * `image create --volume` as the openstack client prints it: Cinder's
 * answer with the volume type by its name, sorted. After --wait, `status`
 * and `updated_at` are the volume's now, and `image_status` is Glance's
 * status of the new image. --raw prints Cinder's answer as it came.
 */
export function volumeUploadDetails(upload: VolumeImageUpload, outcome?: UploadOutcome): Details {
  const type = upload.volume_type;
  const fields: Record<string, Value> = {
    ...(upload as Record<string, Value>),
    volume_type: type && typeof type === 'object' ? (type.name ?? null) : null,
  };
  if (outcome) {
    fields.status = outcome.volume.status;
    fields.updated_at = outcome.volume.updated_at ?? fields.updated_at ?? null;
    fields.image_status = outcome.image.status;
  }
  return details(fields, upload as Record<string, Value>);
}
