import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { keystonePlugin } from '../../cli/keystone-only.js';
import { tokenDetails } from '../../cli/views/token.js';

/** `token issue`: the Keystone token ucinder uses (from the token cache while valid), as the openstack client shows it. */
export function registerTokenIssue(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'issue',
      summary: 'Issue a Keystone token (reuses the cached one while it is valid; --no-cache for a new one)',
      output: 'details',
      examples: ['ucinder token issue', 'ucinder token issue -f value -c id', 'ucinder --os-cloud mycloud --no-cache token issue'],
      run: async ({ f }) => {
        const plugin = await keystonePlugin(f, 'token issue');
        return tokenDetails(await plugin.tokenDetails!());
      },
    },
    factoryFor,
  );
}
