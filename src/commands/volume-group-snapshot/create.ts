import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { createGroupSnapshot, getGroupSnapshot } from '../../api/resources/group-snapshots.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { resourceName } from '../../cli/option-parsers.js';
import { groupSnapshotDetails } from '../../cli/views/group.js';
import { groupSnapshotTarget } from '../../cli/wait/group.js';
import { addWaitOptions, waitWithProgress, type WaitFlags } from '../../cli/wait/progress.js';

interface Options extends WaitFlags {
  name?: string;
  description?: string;
}

export function registerGroupSnapshotCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'create <group>',
      summary: 'Snapshot every volume of a volume group at once (API 3.14+)',
      output: 'details',
      examples: [
        'ucinder volume group snapshot create --name nightly app1',
        'ucinder volume group snapshot create --name nightly --wait -f value -c ID app1',
      ],
      configure: (command) => {
        command.option('--name <name>', 'name of the group snapshot', resourceName).option('--description <description>', 'description');
        addWaitOptions(command, 'the group snapshot is available');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.14', 'volume group snapshots');
        const group = await findGroup(session, args[0]!, { action: 'snapshot' });
        const created = await createGroupSnapshot(session, { group_id: group.id, name: options.name, description: options.description });
        if (!options.wait) return groupSnapshotDetails(await getGroupSnapshot(session, created.id));
        const target = groupSnapshotTarget(session, created, ['available']);
        const final = await waitWithProgress(f, target, options, {
          start: `Waiting for ${target.label} to become available`,
          done: `${target.label} is available`,
        });
        return groupSnapshotDetails(final);
      },
    },
    factoryFor,
  );
}
