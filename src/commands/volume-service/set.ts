import type { Command } from 'commander';
import { disableService, enableService } from '../../api/resources/services.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerVolumeServiceSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <host> <service>',
      summary: 'Enable or disable a Cinder service (the scheduler skips disabled volume services)',
      output: 'none',
      examples: ['ucinder volume service set --disable --disable-reason "disk replacement" node1@mmj cinder-volume', 'ucinder volume service set --enable node1@mmj cinder-volume'],
      options: {
        enable: flag('--enable', 'enable the service', { conflicts: 'disable' }),
        disable: flag('--disable', 'disable the service'),
        disableReason: option('--disable-reason <reason>', 'why, shown in `volume service list --long` (with --disable)', { needs: 'disable' }),
      },
      run: async ({ f, options, args: [host, binary] }) => {
        if (!options.enable && !options.disable) throw new UsageError('give --enable or --disable');
        const service = { host, binary };
        const session = await f.session();
        if (options.enable) await enableService(session, service);
        else await disableService(session, service, options.disableReason);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
