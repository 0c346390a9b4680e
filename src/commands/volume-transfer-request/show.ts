import type { Command } from 'commander';
import { findTransfer } from '../../api/finders.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { transferDetails } from '../../cli/views/transfer.js';

export function registerTransferRequestShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <transfer>',
      summary: 'Show a volume transfer request (by name or ID); never its auth key',
      output: 'details',
      watchable: true,
      examples: ['ucinder volume transfer request show to-team-b'],
      run: async ({ f, args: [transfer] }) => {
        const session = await f.session();
        return transferDetails(await findTransfer(session, transfer));
      },
    },
    factoryFor,
  );
}
