import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { REIMAGE_MIN_VERSION, reimageVolume } from '../../api/resources/volume-images.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { prepareImageRef } from '../../cli/image-ref.js';
import { waitForReimage } from '../../cli/wait/reimage.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options extends WaitFlags {
  image: string;
  reimageReserved?: boolean;
}

export function registerVolumeReimage(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'reimage <volume>',
      summary: 'Overwrite a whole volume with an image: its data is lost (API 3.68+)',
      output: 'none',
      examples: [
        'ucinder volume reimage --image cirros --wait vol1',
        'ucinder volume reimage --image 9c799064-b44e-42f8-a5fc-04e5641c34ed --reimage-reserved boot-vol',
      ],
      configure: (command) => {
        command
          .requiredOption('--image <image>', 'the image to write (name or ID; names need the image service)')
          .option('--reimage-reserved', "also a volume in 'reserved' status (attached to a server being rebuilt); otherwise only available or error");
        addWaitOptions(command, 'the volume is back in its status with the new image');
      },
      run: async ({ f, options, args }) => {
        const imageRef = await prepareImageRef(f, options.image);
        const session = await f.session();
        requireMicroversion(session, REIMAGE_MIN_VERSION, "'volume reimage'");
        const imageId = await imageRef();
        const volume = await findVolume(session, args[0]!, { action: 'reimage' });
        const requestId = await reimageVolume(session, volume.id, imageId, options.reimageReserved === true);
        if (options.wait) await waitForReimage(f, session, volume, { imageId, requestId }, options);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
