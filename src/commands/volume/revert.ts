import type { Command } from 'commander';
import { findSnapshot, findVolume } from '../../api/finders.js';
import { REVERT_MIN_VERSION, revertVolumeToSnapshot } from '../../api/resources/volume-actions.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { waitForVolumeStatus } from '../../cli/wait/volume.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerVolumeRevert(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<WaitFlags>(
    parent,
    {
      usage: 'revert <snapshot>',
      summary: "Revert a volume to its latest snapshot (by the snapshot's name or ID; API 3.40+)",
      output: 'none',
      examples: ['ucinder volume revert snap1', 'ucinder volume revert --wait 2ba269ad-9ac8-435d-8f87-e187c4a3a753'],
      configure: (command) => {
        addWaitOptions(command, 'the volume is available again');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, REVERT_MIN_VERSION, "'volume revert'");
        const snapshot = await findSnapshot(session, args[0]!, { action: 'revert to' });
        const volume = await findVolume(session, snapshot.volume_id);
        await revertVolumeToSnapshot(session, volume.id, snapshot.id);
        if (options.wait) await waitForVolumeStatus(f, session, volume, ['available'], options, 'be reverted');
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
