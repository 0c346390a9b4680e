import { Option, type Command } from 'commander';
import { UPLOAD_IMAGE_PARAMS_MIN_VERSION, type VolumeImageUploadRequest } from '../api/resources/volume-images.js';
import type { CinderSession } from '../api/session.js';
import { requireMicroversion } from '../api/version-requirement.js';

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

export interface ImageUploadFlags {
  volume: string;
  containerFormat: string;
  diskFormat: string;
  force?: boolean;
  public?: boolean;
  private?: boolean;
  community?: boolean;
  shared?: boolean;
  visibility?: string;
  protected?: boolean;
  unprotected?: boolean;
}

/** openstack's four visibility flags; one at most, and not with --visibility. */
const VISIBILITY_FLAGS = ['public', 'private', 'community', 'shared'] as const;
const VISIBILITY_HELP: Record<(typeof VISIBILITY_FLAGS)[number], string> = {
  public: 'the image is visible to every project (API 3.1+; Glance policy decides who may publish)',
  private: 'only the owning project sees the image (API 3.1+; the default)',
  community: 'every project may use the image, it is not listed to them by default (API 3.1+)',
  shared: 'the image may be shared with chosen projects (API 3.1+)',
};

export function addImageUploadOptions(command: Command): void {
  command
    .requiredOption('--volume <volume>', 'the volume whose data becomes the image (name or ID)')
    .addOption(new Option('--container-format <container-format>', 'container format of the image').choices(CONTAINER_FORMATS).default('bare'))
    .addOption(
      new Option('--disk-format <disk-format>', 'disk format of the image (other than raw: cinder-volume converts the data)').choices(DISK_FORMATS).default('raw'),
    )
    .option('--force', 'upload even if the volume is in use (the cloud must allow it: enable_force_upload)');
  for (const flag of VISIBILITY_FLAGS) {
    const others = [...VISIBILITY_FLAGS.filter((other) => other !== flag), 'visibility'];
    command.addOption(new Option(`--${flag}`, VISIBILITY_HELP[flag]).conflicts(others));
  }
  command
    .addOption(new Option('--visibility <visibility>', "the same as cinder upload-to-image's flag (API 3.1+)").choices(VISIBILITIES).conflicts([...VISIBILITY_FLAGS]))
    .addOption(new Option('--protected', 'the image cannot be deleted until unprotected (API 3.1+)').conflicts('unprotected'))
    .option('--unprotected', 'the image may be deleted (API 3.1+; the default)');
}

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
  const imageParamFlag = [...VISIBILITY_FLAGS, 'visibility', 'protected', 'unprotected'].find((flag) => flags[flag as keyof ImageUploadFlags] !== undefined);
  if (imageParamFlag) requireMicroversion(session, UPLOAD_IMAGE_PARAMS_MIN_VERSION, `--${imageParamFlag}`);
  if (!session.supports(UPLOAD_IMAGE_PARAMS_MIN_VERSION)) return request;
  return { ...request, visibility: visibility ?? 'private', protected: flags.protected === true };
}
