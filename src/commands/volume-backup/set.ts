import { Option, type Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { BACKUP_RESET_STATES, resetBackupStatus, updateBackup } from '../../api/resources/backups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { noPropertyOption } from '../../cli/no-property-option.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { backupLabel } from '../../cli/wait/backup.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  name?: string;
  description?: string;
  property?: Record<string, string>;
  noProperty?: boolean;
  state?: string;
  allProjects?: boolean;
}

export function registerBackupSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'set <backup>',
      summary: 'Change a backup: name, description (API 3.9), properties (API 3.43), status (admin)',
      output: 'none',
      examples: [
        'ucinder volume backup set --name vol1-monday-old --description "before upgrade" vol1-monday',
        'ucinder volume backup set --property purpose=nightly vol1-monday',
        'ucinder volume backup set --no-property --property keep=yes vol1-monday',
        'ucinder volume backup set --state available stuck-backup',
      ],
      configure: (command) =>
        command
          .option('--name <name>', 'new name (API 3.9)', resourceName)
          .option('--description <text>', 'new description (API 3.9)')
          .option('--property <key=value>', 'add or change a property (repeatable; API 3.43)', keyValue)
          .addOption(noPropertyOption())
          .addOption(new Option('--state <state>', 'reset the status in the database only (admin)').choices(BACKUP_RESET_STATES))
          .option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const { name, description, property, noProperty, state } = options;
        if (name === undefined && description === undefined && !property && !noProperty && !state) {
          throw new UsageError('nothing to change: give --name, --description, --property, --no-property or --state');
        }
        const session = await f.session();
        if (name !== undefined) requireMicroversion(session, '3.9', '--name');
        if (description !== undefined) requireMicroversion(session, '3.9', '--description');
        if (property) requireMicroversion(session, '3.43', '--property');
        if (noProperty) requireMicroversion(session, '3.43', '--no-property');
        const backup = await findBackup(session, args[0]!, { allProjects: options.allProjects, action: 'change' });
        const changes: Change[] = [];
        // openstack's order: the state first, then one update of the rest.
        if (state) changes.push({ what: 'reset the state', apply: () => resetBackupStatus(session, backup.id, state) });
        if (name !== undefined || description !== undefined || property || noProperty) {
          // Cinder replaces the whole metadata: --no-property starts from nothing, --property merges into what is there.
          const metadata = property || noProperty ? { ...(noProperty ? {} : backup.metadata), ...property } : undefined;
          changes.push({ what: 'update the backup', apply: () => updateBackup(session, backup.id, { name, description, metadata }).then(() => undefined) });
        }
        await applyChanges(f, backupLabel(backup), changes);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}

