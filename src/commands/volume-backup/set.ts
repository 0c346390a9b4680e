import type { Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { BACKUP_RESET_STATES, resetBackupStatus, updateBackup } from '../../api/resources/backups.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { noPropertyFlag } from '../../cli/no-property-option.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { choice, option } from '../../cli/option-spec.js';
import { backupLabel } from '../../cli/wait/backup.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerBackupSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <backup>',
      summary: 'Change a backup: name, description, properties, status (admin)',
      output: 'none',
      examples: [
        'ucinder volume backup set --name vol1-monday-old --description "before upgrade" vol1-monday',
        'ucinder volume backup set --property purpose=nightly vol1-monday',
        'ucinder volume backup set --no-property --property keep=yes vol1-monday',
        'ucinder volume backup set --state available stuck-backup',
      ],
      nothingToChange: 'give A, B or C',
      options: {
        name: option('--name <name>', 'new name', { parse: resourceName, since: '3.9', change: true }),
        description: option('--description <text>', 'new description', { since: '3.9', change: true }),
        property: option('--property <key=value>', 'add or change a property (repeatable)', { parse: keyValue, since: '3.43', change: true }),
        noProperty: noPropertyFlag({ since: '3.43', change: true }),
        state: choice('--state <state>', 'reset the status in the database only (admin)', BACKUP_RESET_STATES, { change: true }),
        allProjects: ALL_PROJECTS_LOOKUP,
      },
      run: async ({ f, options, args: [backupRef] }) => {
        const { name, description, property, noProperty, state } = options;
        const session = await f.session();
        const backup = await findBackup(session, backupRef, { allProjects: options.allProjects, action: 'change' });
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
