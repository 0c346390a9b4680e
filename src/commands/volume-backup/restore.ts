import type { Command } from 'commander';
import { findBackup, findVolume } from '../../api/finders.js';
import { restoreBackup } from '../../api/resources/backups.js';
import type { Volume } from '../../api/resources/volumes.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { restoreDetails } from '../../cli/views/backup.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { waitForVolumeStatus } from '../../cli/wait/volume.js';
import { NotFoundError, UcinderError } from '../../errors.js';

export function registerBackupRestore(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'restore <backup> [volume]',
      summary: 'Restore a backup into a new volume, or over an existing one with --force',
      output: 'details',
      examples: [
        'ucinder volume backup restore vol1-monday',
        'ucinder volume backup restore --wait vol1-monday vol1-restored',
        'ucinder volume backup restore --force --wait vol1-monday vol1',
      ],
      options: {
        force: flag('--force', 'overwrite VOLUME when it exists (it must be available and at least as large as the backup)'),
        ...waitOptions('the volume holds the restored data (available)'),
      },
      run: async ({ f, options, args: [backupArg, volumeArg] }) => {
        const session = await f.session();
        const backup = await findBackup(session, backupArg, { action: 'restore' });
        // As openstack: VOLUME names an existing volume (overwritten only with
        // --force) or else the new volume. Without it Cinder creates one named
        // "restore_backup_<backup id>".
        const existing = volumeArg === undefined ? undefined : await existingVolume(volumeArg);
        if (existing && !options.force) {
          throw new UcinderError(`Volume '${volumeArg}' already exists; if you want to restore the backup to it you need to specify the '--force' option`);
        }
        const restore = await restoreBackup(session, backup.id, existing ? { volumeId: existing.id } : { name: volumeArg });
        if (options.wait) {
          const volume = { id: restore.volume_id, name: restore.volume_name } as Volume;
          await waitForVolumeStatus(f, session, volume, ['available'], options, 'hold the restored backup');
        }
        return restoreDetails(restore);

        async function existingVolume(nameOrId: string): Promise<Volume | undefined> {
          try {
            return await findVolume(session, nameOrId, { action: 'overwrite' });
          } catch (error) {
            if (error instanceof NotFoundError) return undefined;
            throw error;
          }
        }
      },
    },
    factoryFor,
  );
}
