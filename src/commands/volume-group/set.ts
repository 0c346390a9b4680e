import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { getGroup, GROUP_RESET_STATES, resetGroupStatus, setGroupReplication, updateGroup } from '../../api/resources/groups.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUPS } from '../../cli/group-microversions.js';
import { resourceName } from '../../cli/option-parsers.js';
import { choice, flag, option } from '../../cli/option-spec.js';
import { groupDetails } from '../../cli/views/group.js';
import { groupLabel } from '../../cli/wait/group.js';

/** Turning replication on or off, one version for both switches. */
const REPLICATION = { version: '3.38', feature: '--enable-replication / --disable-replication' };

export function registerGroupSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <group>',
      summary: 'Change a volume group: name, description, replication',
      since: VOLUME_GROUPS,
      output: 'details',
      examples: [
        'ucinder volume group set --name app1-prod --description "production" app1',
        'ucinder volume group set --enable-replication app1',
        'ucinder volume group set --state available stuck-group',
      ],
      nothingToChange: 'give A, B or C',
      options: {
        name: option('--name <name>', 'new name', { parse: resourceName, change: true }),
        description: option('--description <description>', 'new description', { change: true }),
        enableReplication: flag('--enable-replication', 'enable replication of the group', { conflicts: 'disableReplication', since: REPLICATION, change: true }),
        disableReplication: flag('--disable-replication', 'disable replication of the group', { since: REPLICATION, change: true }),
        // cinderclient's group-reset-state; openstack has no such flag.
        state: choice('--state <state>', 'reset the status in the database only (admin)', GROUP_RESET_STATES, { since: '3.20', change: true }),
      },
      run: async ({ f, options, args: [groupRef] }) => {
        const { name, description, state } = options;
        const replication = options.enableReplication ? true : options.disableReplication ? false : undefined;
        const session = await f.session();
        const group = await findGroup(session, groupRef, { action: 'change' });
        const changes: Change[] = [];
        if (replication !== undefined) {
          changes.push({ what: `${replication ? 'enable' : 'disable'} replication`, apply: () => setGroupReplication(session, group.id, replication) });
        }
        if (name !== undefined || description !== undefined) {
          changes.push({ what: 'update name or description', apply: () => updateGroup(session, group.id, { name, description }) });
        }
        if (state !== undefined) changes.push({ what: 'reset the state', apply: () => resetGroupStatus(session, group.id, state) });
        await applyChanges(f, groupLabel(group), changes);
        return groupDetails(await getGroup(session, group.id));
      },
    },
    factoryFor,
  );
}
