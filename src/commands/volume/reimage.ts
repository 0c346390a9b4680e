import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { REIMAGE_MIN_VERSION, reimageVolume } from '../../api/resources/volume-images.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { prepareImageRef } from '../../cli/image-ref.js';
import { flag, option } from '../../cli/option-spec.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { waitForReimage } from '../../cli/wait/reimage.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerVolumeReimage(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'reimage <volume>',
      summary: 'Overwrite a whole volume with an image: its data is lost',
      since: { version: REIMAGE_MIN_VERSION, feature: "'volume reimage'" },
      output: 'none',
      examples: ['ucinder volume reimage --image cirros --wait vol1', 'ucinder volume reimage --image 9c799064-b44e-42f8-a5fc-04e5641c34ed --reimage-reserved boot-vol'],
      options: {
        image: option('--image <image>', 'the image to write (name or ID; names need the image service)', { mandatory: true }),
        reimageReserved: flag('--reimage-reserved', "also a volume in 'reserved' status (attached to a server being rebuilt); otherwise only available or error"),
        ...waitOptions('the volume is back in its status with the new image'),
      },
      run: async ({ f, options, args: [volumeRef] }) => {
        const imageRef = await prepareImageRef(f, options.image);
        const session = await f.session();
        const imageId = await imageRef();
        const volume = await findVolume(session, volumeRef, { action: 'reimage' });
        const requestId = await reimageVolume(session, volume.id, imageId, options.reimageReserved === true);
        if (options.wait) await waitForReimage(f, session, volume, { imageId, requestId }, options);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
