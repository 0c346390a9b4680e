import { Option, type Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { failoverGroup } from '../../api/resources/groups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  allowAttachedVolume?: boolean;
  disallowAttachedVolume?: boolean;
  secondaryBackendId?: string;
}

export function registerGroupFailover(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'failover <group>',
      summary: "Fail a volume group's replication over to a secondary backend (API 3.38+)",
      output: 'none',
      examples: ['ucinder volume group failover --secondary-backend-id backend2 app1', 'ucinder volume group failover --allow-attached-volume app1'],
      configure: (command) =>
        command
          .addOption(new Option('--allow-attached-volume', 'fail over even if volumes of the group are attached').conflicts('disallowAttachedVolume'))
          .option('--disallow-attached-volume', 'refuse when volumes of the group are attached (the default)')
          .option('--secondary-backend-id <backend-id>', 'the secondary backend to fail over to'),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.38', 'volume group failover');
        const group = await findGroup(session, args[0]!, { action: 'fail over' });
        await failoverGroup(session, group.id, { allowAttachedVolume: options.allowAttachedVolume === true, secondaryBackendId: options.secondaryBackendId });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
