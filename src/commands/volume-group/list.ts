import type { Command } from 'commander';
import { listGroups } from '../../api/resources/groups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { GROUP_LIST_COLUMNS, groupListRow } from '../../cli/views/group.js';
import { listing } from '../../output/result.js';

interface Options {
  allProjects?: boolean;
}

export function registerGroupList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List volume groups (API 3.13+)',
      output: 'listing',
      examples: ['ucinder volume group list', 'ucinder volume group list --all-projects -f json'],
      configure: (command) => command.option('--all-projects', 'groups of every project (admin)'),
      columns: () => GROUP_LIST_COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        requireMicroversion(session, '3.13', 'volume groups');
        const groups = await listGroups(session, { allProjects: options.allProjects });
        return listing(GROUP_LIST_COLUMNS, groups.map(groupListRow));
      },
    },
    factoryFor,
  );
}
