import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { migrateVolume } from '../../api/resources/volume-actions.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';
import { waitForMigration } from '../../cli/wait/volume.js';

interface Options extends WaitFlags {
  host: string;
  forceHostCopy?: boolean;
  lockVolume?: boolean;
  allProjects?: boolean;
}

export function registerVolumeMigrate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'migrate <volume>',
      summary: 'Move a volume to another backend (admin)',
      output: 'none',
      examples: [
        'ucinder volume migrate --host node1@mmj2#mmj2 --wait vol1',
        'ucinder volume migrate --host node1@mmj2#mmj2 --force-host-copy --lock-volume vol1',
      ],
      configure: (command) => {
        command
          .requiredOption('--host <host>', 'destination backend as host@backend#pool (see volume backend pool list)')
          .option('--force-host-copy', 'copy the data through the volume service instead of the driver')
          .option('--lock-volume', 'keep other operations off the volume until the migration ends')
          .option('--all-projects', 'look the name up in every project (admin)');
        addWaitOptions(command, 'the migration has finished');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        const volume = await findVolume(session, args[0]!, { allProjects: options.allProjects, action: 'migrate' });
        const requestId = await migrateVolume(session, volume.id, options);
        if (options.wait) await waitForMigration(f, session, volume, options, { destination: options.host, requestId });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
