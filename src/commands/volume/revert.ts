import type { Command } from 'commander';
import { findSnapshot, findVolume } from '../../api/finders.js';
import { REVERT_MIN_VERSION, revertVolumeToSnapshot } from '../../api/resources/volume-actions.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { waitForVolumeStatus } from '../../cli/wait/volume.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerVolumeRevert(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'revert <snapshot>',
      summary: "Revert a volume to its latest snapshot (by the snapshot's name or ID)",
      since: { version: REVERT_MIN_VERSION, feature: "'volume revert'" },
      output: 'none',
      examples: ['ucinder volume revert snap1', 'ucinder volume revert --wait 2ba269ad-9ac8-435d-8f87-e187c4a3a753'],
      options: waitOptions('the volume is available again'),
      run: async ({ f, options, args: [snapshotRef] }) => {
        const session = await f.session();
        const snapshot = await findSnapshot(session, snapshotRef, { action: 'revert to' });
        const volume = await findVolume(session, snapshot.volume_id);
        await revertVolumeToSnapshot(session, volume.id, snapshot.id);
        if (options.wait) await waitForVolumeStatus(f, session, volume, ['available'], options, 'be reverted');
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
