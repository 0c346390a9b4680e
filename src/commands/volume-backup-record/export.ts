import type { Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { exportBackupRecord } from '../../api/resources/backups.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { backupRecordDetails } from '../../cli/views/backup.js';

export function registerBackupRecordExport(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'export <backup>',
      summary: "Export a backup's record, to import it into another Cinder (admin)",
      output: 'details',
      examples: ['ucinder volume backup record export vol1-monday', 'ucinder volume backup record export vol1-monday -f value -c backup_url'],
      run: async ({ f, output, args: [backupRef] }) => {
        const session = await f.session();
        const backup = await findBackup(session, backupRef);
        return backupRecordDetails(await exportBackupRecord(session, backup.id), output.format);
      },
    },
    factoryFor,
  );
}
