import type { Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { updateBackup } from '../../api/resources/backups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { collect } from '../../cli/option-parsers.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  property?: string[];
  allProjects?: boolean;
}

/**
 * Backups have no per-key metadata calls: the remaining properties replace
 * the whole set in one update (API 3.43), as openstack does.
 */
export function registerBackupUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'unset <backup>',
      summary: 'Remove properties from a backup (API 3.43)',
      output: 'none',
      examples: ['ucinder volume backup unset --property purpose vol1-monday', 'ucinder volume backup unset --property a --property b vol1-monday'],
      configure: (command) =>
        command
          .option('--property <key>', 'property to remove (repeatable)', collect)
          .option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const keys = options.property ?? [];
        if (!keys.length) throw new UsageError('nothing to unset: give --property KEY');
        const session = await f.session();
        requireMicroversion(session, '3.43', '--property');
        const backup = await findBackup(session, args[0]!, { allProjects: options.allProjects, action: 'change' });
        const metadata = { ...backup.metadata };
        for (const key of keys) {
          // As openstack: an unknown key is a warning, the others are still removed.
          if (!(key in metadata)) f.warn(`'${key}' is not a valid property for backup '${args[0]}'`);
          delete metadata[key];
        }
        await updateBackup(session, backup.id, { metadata });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
