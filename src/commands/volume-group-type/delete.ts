import type { Command } from 'commander';
import { findGroupType } from '../../api/group-finders.js';
import { deleteGroupType } from '../../api/resources/group-types.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_TYPES } from '../../cli/group-microversions.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerGroupTypeDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <group-type...>',
      summary: 'Delete volume group types (by name or ID); tries every one, then reports failures',
      since: VOLUME_GROUP_TYPES,
      output: 'none',
      examples: ['ucinder volume group type delete app-group', 'ucinder volume group type delete old-1 old-2'],
      run: async ({ f, args: [types] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'volume group type',
          nouns: 'volume group types',
          items: types,
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
