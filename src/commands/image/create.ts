import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { uploadVolumeToImage } from '../../api/resources/volume-images.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { IMAGE_UPLOAD_OPTIONS, imageUploadRequest } from '../../cli/image-upload-options.js';
import { requireGlance } from '../../cli/image-ref.js';
import { resourceName } from '../../cli/option-parsers.js';
import { volumeUploadDetails } from '../../cli/views/volume-image.js';
import { waitForUpload } from '../../cli/wait/image-upload.js';
import { waitOptions } from '../../cli/wait/progress.js';

export function registerImageCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <image-name>',
      argumentParsers: { 'image-name': resourceName },
      summary: "Upload a volume to Glance as a new image (Cinder's os-volume_upload_image)",
      output: 'details',
      examples: [
        'ucinder image create --volume vol1 vol1-image',
        'ucinder image create --volume vol1 --disk-format qcow2 --wait vol1-image',
        'ucinder image create --volume vol1 --force --public --protected golden',
        'ucinder image create --volume vol1 --wait -f value -c image_id vol1-image',
      ],
      options: {
        ...IMAGE_UPLOAD_OPTIONS,
        ...waitOptions('the volume is back in service and Glance has the image active (needs the image service)'),
      },
      run: async ({ f, options, args: [imageName] }) => {
        // --wait reads the image from Glance: without it, refuse before the upload starts.
        const glance = options.wait ? await requireGlance(f, '--wait') : undefined;
        const session = await f.session();
        const request = imageUploadRequest(session, imageName, options);
        const volume = await findVolume(session, options.volume);
        const sent = await uploadVolumeToImage(session, volume.id, request);
        if (!glance) return volumeUploadDetails(sent.upload);
        return volumeUploadDetails(sent.upload, await waitForUpload(f, session, glance, volume, sent, options));
      },
    },
    factoryFor,
  );
}
