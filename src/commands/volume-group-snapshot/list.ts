import type { Command } from 'commander';
import { listGroupSnapshots } from '../../api/resources/group-snapshots.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { GROUP_LIST_COLUMNS, groupListRow } from '../../cli/views/group.js';
import { listing } from '../../output/result.js';

interface Options {
  allProjects?: boolean;
}

export function registerGroupSnapshotList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List volume group snapshots (API 3.14+)',
      output: 'listing',
      examples: ['ucinder volume group snapshot list', 'ucinder volume group snapshot list --all-projects -f json'],
      configure: (command) => command.option('--all-projects', 'group snapshots of every project (admin)'),
      columns: () => GROUP_LIST_COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        requireMicroversion(session, '3.14', 'volume group snapshots');
        const snapshots = await listGroupSnapshots(session, { allProjects: options.allProjects });
        return listing(GROUP_LIST_COLUMNS, snapshots.map(groupListRow));
      },
    },
    factoryFor,
  );
}
