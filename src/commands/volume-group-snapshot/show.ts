import type { Command } from 'commander';
import { findGroupSnapshot } from '../../api/group-finders.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { groupSnapshotDetails } from '../../cli/views/group.js';

interface Options {
  allProjects?: boolean;
}

export function registerGroupSnapshotShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'show <group-snapshot>',
      summary: 'Show a volume group snapshot (by name or ID; API 3.14+)',
      output: 'details',
      examples: ['ucinder volume group snapshot show nightly', 'ucinder volume group snapshot show nightly -f value -c Status'],
      configure: (command) => command.option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.14', 'volume group snapshots');
        return groupSnapshotDetails(await findGroupSnapshot(session, args[0]!, { allProjects: options.allProjects }));
      },
    },
    factoryFor,
  );
}
