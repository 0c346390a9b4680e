import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { findCached, openStore } from '../../cli/attach/cache.js';
import { entryDetails } from '../../cli/views/connection.js';
import { addShowSecretsOption } from '../../cli/attach/options.js';

export function registerConnectionShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<{ showSecrets?: boolean }>(
    parent,
    {
      usage: 'show <volume>',
      summary: 'Show one cached connection (by volume name or ID)',
      output: 'details',
      watchable: true,
      examples: ['ucinder connection show vol1', 'ucinder connection show vol1 -f json --show-secrets'],
      configure: (command) => {
        addShowSecretsOption(command);
      },
      run: async ({ f, options, args }) => {
        const { path, entry } = await findCached(f, await openStore(f), args[0]!);
        return entryDetails(entry, path, options.showSecrets === true);
      },
    },
    factoryFor,
  );
}
