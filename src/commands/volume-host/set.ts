import type { Command } from 'commander';
import { freezeHost, thawHost } from '../../api/resources/services.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerVolumeHostSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <host>',
      summary: 'Freeze (--disable) or thaw (--enable) a volume backend host, as before and after a replication failover',
      output: 'none',
      examples: ['ucinder volume host set --disable node1@mmj', 'ucinder volume host set --enable node1@mmj'],
      options: {
        disable: flag('--disable', "freeze: refuse management operations on the host's volumes", { conflicts: 'enable' }),
        enable: flag('--enable', 'thaw: allow them again'),
      },
      run: async ({ f, options, args: [host] }) => {
        if (!options.enable && !options.disable) throw new UsageError('give --enable or --disable');
        const session = await f.session();
        if (options.disable) await freezeHost(session, host);
        else await thawHost(session, host);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
