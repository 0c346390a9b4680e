import type { Command } from 'commander';
import { listGroups } from '../../api/resources/groups.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUPS } from '../../cli/group-microversions.js';
import { flag } from '../../cli/option-spec.js';
import { GROUP_LIST_COLUMNS, groupListRow } from '../../cli/views/group.js';
import { listing } from '../../output/result.js';

export function registerGroupList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List volume groups',
      since: VOLUME_GROUPS,
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume group list', 'ucinder volume group list --all-projects -f json'],
      options: { allProjects: flag('--all-projects', 'groups of every project (admin)') },
      columns: () => GROUP_LIST_COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        const groups = await listGroups(session, { allProjects: options.allProjects });
        return listing(GROUP_LIST_COLUMNS, groups.map(groupListRow));
      },
    },
    factoryFor,
  );
}
