import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { deleteVolumeType } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerVolumeTypeDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <type...>',
      summary: 'Delete volume types (by name or ID); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder volume type delete huawei', 'ucinder volume type delete gold silver'],
      run: async ({ f, args: [types] }) => {
        const session = await f.session();
        // One at a time: types are few, and Cinder's type table is not built for races.
        await runBulkDelete(f, {
          noun: 'volume type',
          nouns: 'volume types',
          items: types,
          concurrency: 1,
          describe: (item) => `volume type with name or ID '${item}'`,
          deleteOne: async (nameOrId) => {
            const type = await findVolumeType(session, nameOrId, { action: 'delete' });
            await deleteVolumeType(session, type.id);
          },
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
