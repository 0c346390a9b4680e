import type { Command } from 'commander';
import { findQosSpec } from '../../api/finders.js';
import { deleteQosSpec } from '../../api/resources/qos-specs.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerQosDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <qos-spec...>',
      summary: 'Delete QoS specifications (by name or ID); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder volume qos delete limited', 'ucinder volume qos delete --force limited  # also while associated with types'],
      options: { force: flag('--force', 'delete even while associated with volume types (disassociates them)') },
      run: async ({ f, options, args: [specs] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'QoS specification',
          nouns: 'QoS specifications',
          items: specs,
          // One at a time, like volume types: few, and associations touch the type rows.
          concurrency: 1,
          describe: (item) => `QoS specification with name or ID '${item}'`,
          deleteOne: async (nameOrId) => {
            const spec = await findQosSpec(session, nameOrId, { action: 'delete' });
            await deleteQosSpec(session, spec.id, options.force === true);
          },
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
