import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { GROUP_REPLICATION_MIN_VERSION, listGroupReplicationTargets } from '../../api/resources/groups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { replicationTargetListing } from '../../cli/views/replication-target.js';

interface Options {
  showSecrets?: boolean;
}

export function registerGroupReplicationTargetList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list <group>',
      summary: "List where a replicated volume group's backend replicates to: its replication targets (API 3.38+)",
      output: 'listing',
      examples: [
        'ucinder volume group replication target list app1',
        'ucinder volume group replication target list app1 -f value -c backend_id',
      ],
      configure: (command) => command.option('--show-secrets', "show the targets' passwords and secrets instead of ***"),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, GROUP_REPLICATION_MIN_VERSION, "'volume group replication target list'");
        const group = await findGroup(session, args[0]!);
        return replicationTargetListing(await listGroupReplicationTargets(session, group.id), options.showSecrets === true);
      },
    },
    factoryFor,
  );
}
