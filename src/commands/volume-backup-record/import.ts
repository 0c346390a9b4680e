import type { Command } from 'commander';
import { importBackupRecord } from '../../api/resources/backups.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { backupDetails } from '../../cli/views/backup.js';

export function registerBackupRecordImport(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'import <backup-service> <backup-metadata>',
      summary: 'Import a backup record exported by `volume backup record export` (admin)',
      output: 'details',
      examples: ['ucinder volume backup record import cinder.backup.drivers.posix.PosixBackupDriver eyJkcml2ZXJfaW5mbyI6...'],
      run: async ({ f, args: [service, url] }) => {
        const session = await f.session();
        return backupDetails(await importBackupRecord(session, { backup_service: service, backup_url: url }));
      },
    },
    factoryFor,
  );
}
