import { Option, type Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { MIGRATE_TO_CLUSTER_MIN_VERSION, migrateVolume } from '../../api/resources/volume-actions.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { waitForMigration } from '../../cli/wait/volume.js';

interface Options extends WaitFlags {
  host?: string;
  cluster?: string;
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
        'ucinder volume migrate --cluster mycluster@lvm#lvm --wait vol1',
      ],
      configure: (command) => {
        command
          .addOption(new Option('--host <host>', 'destination backend as host@backend#pool (see volume backend pool list)').conflicts('cluster'))
          .option('--cluster <cluster>', 'destination cluster as cluster@backend#pool: any of its services may take it (API 3.16+)')
          .option('--force-host-copy', 'copy the data through the volume service instead of the driver')
          .option('--lock-volume', 'keep other operations off the volume until the migration ends')
          .option('--all-projects', 'look the name up in every project (admin)');
        addWaitOptions(command, 'the migration has finished');
      },
      run: async ({ f, options, args }) => {
        if (options.host === undefined && options.cluster === undefined) throw new UsageError('give the destination: --host or --cluster');
        const session = await f.session();
        if (options.cluster !== undefined) requireMicroversion(session, MIGRATE_TO_CLUSTER_MIN_VERSION, 'volume migrate --cluster');
        const volume = await findVolume(session, args[0]!, { allProjects: options.allProjects, action: 'migrate' });
        const requestId = await migrateVolume(session, volume.id, options);
        if (options.wait) await waitForMigration(f, session, volume, options, { destination: (options.host ?? options.cluster)!, requestId });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
