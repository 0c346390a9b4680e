import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { findCached, openStore } from '../../cli/attach/cache.js';
import { entryDetails } from '../../cli/views/connection.js';
import { SHOW_SECRETS_OPTION } from '../../cli/attach/options.js';

export function registerConnectionShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <volume>',
      summary: 'Show one cached connection (by volume name or ID)',
      output: 'record',
      watchable: true,
      examples: ['ucinder connection show vol1', 'ucinder connection show vol1 -f json --show-secrets'],
      options: { showSecrets: SHOW_SECRETS_OPTION },
      run: async ({ f, options, args: [volume] }) => {
        const { path, entry } = await findCached(f, await openStore(f), volume);
        return entryDetails(entry, path, options.showSecrets === true);
      },
    },
    factoryFor,
  );
}
