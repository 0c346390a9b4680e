import type { Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { backupDetails } from '../../cli/views/backup.js';

export function registerBackupShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<{ allProjects?: boolean }>(
    parent,
    {
      usage: 'show <backup>',
      summary: 'Show a backup (by name or ID)',
      output: 'details',
      examples: ['ucinder volume backup show vol1-monday', 'ucinder volume backup show vol1-monday -f value -c status'],
      configure: (command) => command.option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        return backupDetails(await findBackup(session, args[0]!, options));
      },
    },
    factoryFor,
  );
}
