import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { createGroupSnapshot, getGroupSnapshot } from '../../api/resources/group-snapshots.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_SNAPSHOTS } from '../../cli/group-microversions.js';
import { option } from '../../cli/option-spec.js';
import { resourceName } from '../../cli/option-parsers.js';
import { groupSnapshotDetails } from '../../cli/views/group.js';
import { groupSnapshotTarget } from '../../cli/wait/group.js';
import { waitOptions, waitWithProgress } from '../../cli/wait/progress.js';

export function registerGroupSnapshotCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <group>',
      summary: 'Snapshot every volume of a volume group at once',
      since: VOLUME_GROUP_SNAPSHOTS,
      output: 'details',
      examples: ['ucinder volume group snapshot create --name nightly app1', 'ucinder volume group snapshot create --name nightly --wait -f value -c ID app1'],
      options: {
        name: option('--name <name>', 'name of the group snapshot', { parse: resourceName }),
        description: option('--description <description>', 'description'),
        ...waitOptions('the group snapshot is available'),
      },
      run: async ({ f, options, args: [groupRef] }) => {
        const session = await f.session();
        const group = await findGroup(session, groupRef, { action: 'snapshot' });
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
