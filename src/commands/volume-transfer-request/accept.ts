import type { Command } from 'commander';
import { acceptTransfer } from '../../api/resources/transfers.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { option } from '../../cli/option-spec.js';
import { transferDetails } from '../../cli/views/transfer.js';

export function registerTransferRequestAccept(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'accept <transfer-request-id>',
      summary: "Accept a volume transfer (ID only: the giving project's transfers are not listed to the receiver)",
      output: 'details',
      examples: ['ucinder volume transfer request accept --auth-key 9266c59563c84664 a8ab4e7d-5e5d-4e7c-8e35-0d7a4b8e9cf1'],
      options: { authKey: option('--auth-key <key>', 'the key printed when the transfer was created', { mandatory: true }) },
      run: async ({ f, options, args: [transferId] }) => {
        const session = await f.session();
        return transferDetails(await acceptTransfer(session, transferId, options.authKey));
      },
    },
    factoryFor,
  );
}
