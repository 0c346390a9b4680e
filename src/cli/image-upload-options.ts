import { UPLOAD_IMAGE_PARAMS_MIN_VERSION, type VolumeImageUploadRequest } from '../api/resources/volume-images.js';
import type { CinderSession } from '../api/session.js';
import { choice, flag, option, type OptionValues } from './option-spec.js';

/**
 * The flags of `image create --volume` as the openstack client spells them
 * (image/v2 CreateImage), plus cinder upload-to-image's `--visibility`, and
 * the request they make. Formats are openstack's choices; Cinder passes them
 * to Glance and cinder-volume converts the data (qemu-img) when the disk
 * format is not raw.
 */

export const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'docker', 'ova', 'ovf'] as const;
export const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vmdk', 'raw', 'qcow2', 'vhdx', 'vdi', 'iso', 'ploop'] as const;
export const VISIBILITIES = ['public', 'private', 'community', 'shared'] as const;

/** openstack's four visibility flags; one at most, and not with --visibility. */
const VISIBILITY_FLAGS = ['public', 'private', 'community', 'shared'] as const;
/** Glance takes an upload's visibility and protection from Cinder from this microversion on. */
const IMAGE_PARAMS = UPLOAD_IMAGE_PARAMS_MIN_VERSION;

const visibilityFlag = (name: (typeof VISIBILITY_FLAGS)[number], help: string) =>
  flag(`--${name}`, help, { conflicts: [...VISIBILITY_FLAGS.filter((other) => other !== name), 'visibility'], since: IMAGE_PARAMS });

/** The options of `image create --volume`, as openstack spells them. */
export const IMAGE_UPLOAD_OPTIONS = {
  volume: option('--volume <volume>', 'the volume whose data becomes the image (name or ID)', { mandatory: true }),
  containerFormat: choice('--container-format <container-format>', 'container format of the image', CONTAINER_FORMATS, { default: 'bare' }),
  diskFormat: choice('--disk-format <disk-format>', 'disk format of the image (other than raw: cinder-volume converts the data)', DISK_FORMATS, { default: 'raw' }),
  force: flag('--force', 'upload even if the volume is in use (the cloud must allow it: enable_force_upload)'),
  public: visibilityFlag('public', 'the image is visible to every project (Glance policy decides who may publish)'),
  private: visibilityFlag('private', 'only the owning project sees the image (the default)'),
  community: visibilityFlag('community', 'every project may use the image, it is not listed to them by default'),
  shared: visibilityFlag('shared', 'the image may be shared with chosen projects'),
  visibility: choice('--visibility <visibility>', "the same as cinder upload-to-image's flag", VISIBILITIES, { conflicts: [...VISIBILITY_FLAGS], since: IMAGE_PARAMS }),
  protected: flag('--protected', 'the image cannot be deleted until unprotected', { conflicts: 'unprotected', since: IMAGE_PARAMS }),
  unprotected: flag('--unprotected', 'the image may be deleted (the default)', { since: IMAGE_PARAMS }),
};

export type ImageUploadFlags = OptionValues<typeof IMAGE_UPLOAD_OPTIONS>;

/** The visibility the flags ask for, if any. */
function chosenVisibility(flags: ImageUploadFlags): string | undefined {
  return flags.visibility ?? VISIBILITY_FLAGS.find((flag) => flags[flag]);
}

/**
 * The upload request, as openstack sends it: from 3.1 on, visibility
 * (default private) and protected (default false) always go along; before
 * 3.1 Cinder does not take them, so a flag asking for either fails before
 * any request but the version discovery.
 */
export function imageUploadRequest(session: CinderSession, imageName: string, flags: ImageUploadFlags): VolumeImageUploadRequest {
  const visibility = chosenVisibility(flags);
  const request: VolumeImageUploadRequest = {
    image_name: imageName,
    force: flags.force === true,
    container_format: flags.containerFormat,
    disk_format: flags.diskFormat,
  };
  // The flags that need 3.1 were refused before this on an older microversion (defineCommand).
  if (!session.supports(UPLOAD_IMAGE_PARAMS_MIN_VERSION)) return request;
  return { ...request, visibility: visibility ?? 'private', protected: flags.protected === true };
}
