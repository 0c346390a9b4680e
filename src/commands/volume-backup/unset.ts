import type { Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { updateBackup } from '../../api/resources/backups.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { repeatable } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

/**
 * Backups have no per-key metadata calls: the remaining properties replace
 * the whole set in one update (API 3.43), as openstack does.
 */
export function registerBackupUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'unset <backup>',
      summary: 'Remove properties from a backup',
      since: { version: '3.43', feature: '--property' },
      output: 'none',
      examples: ['ucinder volume backup unset --property purpose vol1-monday', 'ucinder volume backup unset --property a --property b vol1-monday'],
      options: {
        property: repeatable('--property <key>', 'property to remove (repeatable)'),
        allProjects: ALL_PROJECTS_LOOKUP,
      },
      run: async ({ f, options, args: [backupRef] }) => {
        const keys = options.property ?? [];
        if (!keys.length) throw new UsageError('nothing to unset: give --property KEY');
        const session = await f.session();
        const backup = await findBackup(session, backupRef, { allProjects: options.allProjects, action: 'change' });
        const metadata = { ...backup.metadata };
        for (const key of keys) {
          // As openstack: an unknown key is a warning, the others are still removed.
          if (!(key in metadata)) f.warn(`'${key}' is not a valid property for backup '${backupRef}'`);
          delete metadata[key];
        }
        await updateBackup(session, backup.id, { metadata });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
