import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { deleteVolumeType } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { PartialFailureError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerVolumeTypeDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<object>(
    parent,
    {
      usage: 'delete <type...>',
      summary: 'Delete volume types (by name or ID); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder volume type delete huawei', 'ucinder volume type delete gold silver'],
      run: async ({ f, args }) => {
        const session = await f.session();
        const failures: { name: string; error: Error }[] = [];
        for (const nameOrId of args) {
          try {
            const type = await findVolumeType(session, nameOrId);
            await deleteVolumeType(session, type.id);
          } catch (error) {
            failures.push({ name: nameOrId, error: error as Error });
          }
        }
        if (args.length === 1 && failures.length === 1) throw failures[0]!.error;
        for (const { name, error } of failures) {
          f.io.stderr.write(`Failed to delete volume type with name or ID '${name}': ${error.message}\n`);
        }
        if (failures.length) throw new PartialFailureError(failures.length, args.length, 'volume types failed to delete');
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
