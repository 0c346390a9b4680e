import type { Command } from 'commander';
import { listTransfers } from '../../api/resources/transfers.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { listing } from '../../output/result.js';

/** openstack's headers, in its order. */
const HEADERS = ['ID', 'Name', 'Volume'] as const;

export function registerTransferRequestList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List volume transfer requests not yet accepted',
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume transfer request list', 'ucinder volume transfer request list --all-projects'],
      options: { allProjects: flag('--all-projects', "include every project's transfers (admin)") },
      columns: () => HEADERS,
      run: async ({ f, options }) => {
        const session = await f.session();
        const transfers = await listTransfers(session, { allProjects: options.allProjects });
        return listing(
          HEADERS,
          transfers.map((transfer) => [transfer.id, transfer.name, transfer.volume_id]),
        );
      },
    },
    factoryFor,
  );
}
