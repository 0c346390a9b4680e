import type { Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { backupDetails } from '../../cli/views/backup.js';

export function registerBackupShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <backup>',
      summary: 'Show a backup (by name or ID)',
      output: 'details',
      watchable: true,
      examples: ['ucinder volume backup show vol1-monday', 'ucinder volume backup show vol1-monday -f value -c status'],
      options: { allProjects: ALL_PROJECTS_LOOKUP },
      run: async ({ f, options, args: [backup] }) => {
        const session = await f.session();
        return backupDetails(await findBackup(session, backup, options));
      },
    },
    factoryFor,
  );
}
