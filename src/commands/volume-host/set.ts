import { Option, type Command } from 'commander';
import { freezeHost, thawHost } from '../../api/resources/services.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  enable?: boolean;
  disable?: boolean;
}

export function registerVolumeHostSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'set <host>',
      summary: 'Freeze (--disable) or thaw (--enable) a volume backend host, as before and after a replication failover',
      output: 'none',
      examples: ['ucinder volume host set --disable node1@mmj', 'ucinder volume host set --enable node1@mmj'],
      configure: (command) =>
        command
          .addOption(new Option('--disable', 'freeze: refuse management operations on the host\'s volumes').conflicts('enable'))
          .option('--enable', 'thaw: allow them again'),
      run: async ({ f, options, args }) => {
        if (!options.enable && !options.disable) throw new UsageError('give --enable or --disable');
        const session = await f.session();
        if (options.disable) await freezeHost(session, args[0]!);
        else await thawHost(session, args[0]!);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
