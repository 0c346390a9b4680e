import { Option, type Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { getGroup, GROUP_RESET_STATES, resetGroupStatus, setGroupReplication, updateGroup } from '../../api/resources/groups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { resourceName } from '../../cli/option-parsers.js';
import { groupDetails } from '../../cli/views/group.js';
import { groupLabel } from '../../cli/wait/group.js';
import { UsageError } from '../../errors.js';

interface Options {
  name?: string;
  description?: string;
  enableReplication?: boolean;
  disableReplication?: boolean;
  state?: string;
}

export function registerGroupSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'set <group>',
      summary: 'Change a volume group: name, description, replication (API 3.13+)',
      output: 'details',
      examples: [
        'ucinder volume group set --name app1-prod --description "production" app1',
        'ucinder volume group set --enable-replication app1',
        'ucinder volume group set --state available stuck-group',
      ],
      configure: (command) =>
        command
          .option('--name <name>', 'new name', resourceName)
          .option('--description <description>', 'new description')
          .addOption(new Option('--enable-replication', 'enable replication of the group (API 3.38+)').conflicts('disableReplication'))
          .option('--disable-replication', 'disable replication of the group (API 3.38+)')
          // cinderclient's group-reset-state; openstack has no such flag.
          .addOption(new Option('--state <state>', 'reset the status in the database only (admin; API 3.20+)').choices(GROUP_RESET_STATES)),
      run: async ({ f, options, args }) => {
        const { name, description, state } = options;
        const replication = options.enableReplication ? true : options.disableReplication ? false : undefined;
        if (name === undefined && description === undefined && replication === undefined && state === undefined) {
          throw new UsageError('nothing to change: give --name, --description, --enable-replication, --disable-replication or --state');
        }
        const session = await f.session();
        requireMicroversion(session, '3.13', 'volume groups');
        if (replication !== undefined) requireMicroversion(session, '3.38', '--enable-replication / --disable-replication');
        if (state !== undefined) requireMicroversion(session, '3.20', '--state');
        const group = await findGroup(session, args[0]!, { action: 'change' });
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
