import type { Command } from 'commander';
import { findSnapshot, findVolume } from '../../api/finders.js';
import { createBackup, type BackupCreateRequest } from '../../api/resources/backups.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { backupDetails } from '../../cli/views/backup.js';
import { backupTarget } from '../../cli/wait/backup.js';
import { waitOptions, waitWithProgress } from '../../cli/wait/progress.js';

export function registerBackupCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <volume>',
      summary: 'Back up a volume (or one of its snapshots) to the backup service',
      output: 'details',
      examples: [
        'ucinder volume backup create --name vol1-monday vol1',
        'ucinder volume backup create --name vol1-tuesday --incremental --wait vol1',
        'ucinder volume backup create --force --property purpose=nightly vol1',
        'ucinder volume backup create --snapshot snap1 --name from-snap vol1',
      ],
      options: {
        name: option('--name <name>', 'name of the backup', { parse: resourceName }),
        description: option('--description <text>', 'description'),
        container: option('--container <container>', 'where the backup service stores it (driver-specific)'),
        snapshot: option('--snapshot <snapshot>', 'back up this snapshot of the volume (name or ID)'),
        incremental: flag('--incremental', 'only what changed since the newest backup of the volume'),
        force: flag('--force', 'back up even if the volume is in use'),
        property: option('--property <key=value>', 'metadata (repeatable)', { parse: keyValue, since: '3.43' }),
        availabilityZone: option('--availability-zone <zone>', 'zone of the backup service to store it in', { since: '3.51' }),
        ...waitOptions('the backup is available'),
      },
      run: async ({ f, options, args: [volumeRef] }) => {
        const session = await f.session();
        const volume = await findVolume(session, volumeRef);
        const request: BackupCreateRequest = {
          volume_id: volume.id,
          name: options.name,
          description: options.description,
          container: options.container,
          incremental: options.incremental === true,
          force: options.force === true,
          metadata: options.property,
          availability_zone: options.availabilityZone,
        };
        if (options.snapshot) request.snapshot_id = (await findSnapshot(session, options.snapshot)).id;
        const backup = await createBackup(session, request);
        // Cinder's answer holds the id and name only; openstack prints just those.
        if (!options.wait) return backupDetails(backup);
        const target = backupTarget(session, backup, ['available']);
        const final = await waitWithProgress(f, target, options, {
          start: `Waiting for ${target.label} to become available`,
          done: `${target.label} is available`,
        });
        return backupDetails(final);
      },
    },
    factoryFor,
  );
}
