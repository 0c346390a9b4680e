import type { Command } from 'commander';
import { findGroupType } from '../../api/group-finders.js';
import { deleteGroupType } from '../../api/resources/group-types.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerGroupTypeDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<object>(
    parent,
    {
      usage: 'delete <group-type...>',
      summary: 'Delete volume group types (by name or ID; API 3.11+); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder volume group type delete app-group', 'ucinder volume group type delete old-1 old-2'],
      run: async ({ f, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.11', 'volume group types');
        await runBulkDelete(f, {
          noun: 'volume group type',
          nouns: 'volume group types',
          items: args,
          concurrency: 4,
          describe: (item) => `volume group type with name or ID '${item}'`,
          deleteOne: async (nameOrId) => {
            const type = await findGroupType(session, nameOrId, { action: 'delete' });
            await deleteGroupType(session, type.id);
            return type;
          },
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
