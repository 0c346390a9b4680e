import type { Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { exportBackupRecord } from '../../api/resources/backups.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { backupRecordDetails } from '../../cli/views/backup.js';

export function registerBackupRecordExport(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<{ format: string }>(
    parent,
    {
      usage: 'export <backup>',
      summary: "Export a backup's record, to import it into another Cinder (admin)",
      output: 'details',
      examples: [
        'ucinder volume backup record export vol1-monday',
        'ucinder volume backup record export vol1-monday -f value -c backup_url',
      ],
      run: async ({ f, options, args }) => {
        const session = await f.session();
        const backup = await findBackup(session, args[0]!);
        return backupRecordDetails(await exportBackupRecord(session, backup.id), options.format);
      },
    },
    factoryFor,
  );
}
