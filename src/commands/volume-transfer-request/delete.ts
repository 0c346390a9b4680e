import type { Command } from 'commander';
import { findTransfer } from '../../api/finders.js';
import { deleteTransfer } from '../../api/resources/transfers.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerTransferRequestDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <transfer...>',
      summary: 'Cancel volume transfer requests (by name or ID); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder volume transfer request delete to-team-b', 'ucinder volume transfer request delete t1 t2'],
      run: async ({ f, args: [transfers] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'volume transfer request',
          nouns: 'volume transfer requests',
          items: transfers,
          concurrency: 8,
          describe: (item) => `volume transfer request with name or ID '${item}'`,
          deleteOne: async (nameOrId) => {
            const transfer = await findTransfer(session, nameOrId, { action: 'delete' });
            await deleteTransfer(session, transfer.id);
            return transfer;
          },
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
