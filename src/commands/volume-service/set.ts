import { Option, type Command } from 'commander';
import { disableService, enableService } from '../../api/resources/services.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  enable?: boolean;
  disable?: boolean;
  disableReason?: string;
}

export function registerVolumeServiceSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'set <host> <service>',
      summary: 'Enable or disable a Cinder service (the scheduler skips disabled volume services)',
      output: 'none',
      examples: [
        'ucinder volume service set --disable --disable-reason "disk replacement" node1@mmj cinder-volume',
        'ucinder volume service set --enable node1@mmj cinder-volume',
      ],
      configure: (command) =>
        command
          .addOption(new Option('--enable', 'enable the service').conflicts('disable'))
          .option('--disable', 'disable the service')
          .option('--disable-reason <reason>', 'why, shown in `volume service list --long` (with --disable)'),
      run: async ({ f, options, args }) => {
        if (options.disableReason !== undefined && !options.disable) throw new UsageError('--disable-reason needs --disable');
        if (!options.enable && !options.disable) throw new UsageError('give --enable or --disable');
        const service = { host: args[0]!, binary: args[1]! };
        const session = await f.session();
        if (options.enable) await enableService(session, service);
        else await disableService(session, service, options.disableReason);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
