import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NO_OUTPUT } from '../../output/result.js';
import { keystonePlugin } from '../../cli/keystone-only.js';

/** `token revoke <token>`: DELETE /v3/auth/tokens; revoking ucinder's own token also drops it from the cache. */
export function registerTokenRevoke(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'revoke <token>',
      summary: 'Revoke a Keystone token',
      output: 'none',
      examples: ['ucinder token revoke "$(ucinder token issue -f value -c id)"'],
      run: async ({ f, args: [token] }) => {
        const plugin = await keystonePlugin(f, 'token revoke');
        await plugin.revokeToken!(token);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
