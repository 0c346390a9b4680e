import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { MIGRATE_TO_CLUSTER_MIN_VERSION, migrateVolume } from '../../api/resources/volume-actions.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { waitForMigration } from '../../cli/wait/volume.js';

export function registerVolumeMigrate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
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
      options: {
        host: option('--host <host>', 'destination backend as host@backend#pool (see volume backend pool list)', { conflicts: 'cluster' }),
        cluster: option('--cluster <cluster>', 'destination cluster as cluster@backend#pool: any of its services may take it', {
          since: { version: MIGRATE_TO_CLUSTER_MIN_VERSION, feature: 'volume migrate --cluster' },
        }),
        forceHostCopy: flag('--force-host-copy', 'copy the data through the volume service instead of the driver'),
        lockVolume: flag('--lock-volume', 'keep other operations off the volume until the migration ends'),
        allProjects: ALL_PROJECTS_LOOKUP,
        ...waitOptions('the migration has finished'),
      },
      run: async ({ f, options, args: [volumeRef] }) => {
        const destination = options.host ?? options.cluster;
        if (destination === undefined) throw new UsageError('give the destination: --host or --cluster');
        const session = await f.session();
        const volume = await findVolume(session, volumeRef, { allProjects: options.allProjects, action: 'migrate' });
        const requestId = await migrateVolume(session, volume.id, options);
        if (options.wait) await waitForMigration(f, session, volume, options, { destination, requestId });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
