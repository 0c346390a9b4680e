import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { failoverGroup } from '../../api/resources/groups.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerGroupFailover(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'failover <group>',
      summary: "Fail a volume group's replication over to a secondary backend",
      since: '3.38',
      output: 'none',
      examples: ['ucinder volume group failover --secondary-backend-id backend2 app1', 'ucinder volume group failover --allow-attached-volume app1'],
      options: {
        allowAttachedVolume: flag('--allow-attached-volume', 'fail over even if volumes of the group are attached', { conflicts: 'disallowAttachedVolume' }),
        disallowAttachedVolume: flag('--disallow-attached-volume', 'refuse when volumes of the group are attached (the default)'),
        secondaryBackendId: option('--secondary-backend-id <backend-id>', 'the secondary backend to fail over to'),
      },
      run: async ({ f, options, args: [groupRef] }) => {
        const session = await f.session();
        const group = await findGroup(session, groupRef, { action: 'fail over' });
        await failoverGroup(session, group.id, { allowAttachedVolume: options.allowAttachedVolume === true, secondaryBackendId: options.secondaryBackendId });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
