import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { GROUP_REPLICATION_MIN_VERSION, listGroupReplicationTargets } from '../../api/resources/groups.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { replicationTargetListing } from '../../cli/views/replication-target.js';

export function registerGroupReplicationTargetList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list <group>',
      summary: "List where a replicated volume group's backend replicates to: its replication targets",
      since: { version: GROUP_REPLICATION_MIN_VERSION, feature: "'volume group replication target list'" },
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume group replication target list app1', 'ucinder volume group replication target list app1 -f value -c backend_id'],
      options: {
        showSecrets: flag('--show-secrets', "show the targets' passwords and secrets instead of ***"),
      },
      run: async ({ f, options, args: [groupRef] }) => {
        const session = await f.session();
        const group = await findGroup(session, groupRef);
        return replicationTargetListing(await listGroupReplicationTargets(session, group.id), options.showSecrets === true);
      },
    },
    factoryFor,
  );
}
