import type { Command } from 'commander';
import { listGroupSnapshots } from '../../api/resources/group-snapshots.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_SNAPSHOTS } from '../../cli/group-microversions.js';
import { flag } from '../../cli/option-spec.js';
import { GROUP_LIST_COLUMNS, groupListRow } from '../../cli/views/group.js';
import { listing } from '../../output/result.js';

export function registerGroupSnapshotList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List volume group snapshots',
      since: VOLUME_GROUP_SNAPSHOTS,
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume group snapshot list', 'ucinder volume group snapshot list --all-projects -f json'],
      options: { allProjects: flag('--all-projects', 'group snapshots of every project (admin)') },
      columns: () => GROUP_LIST_COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        const snapshots = await listGroupSnapshots(session, { allProjects: options.allProjects });
        return listing(GROUP_LIST_COLUMNS, snapshots.map(groupListRow));
      },
    },
    factoryFor,
  );
}
