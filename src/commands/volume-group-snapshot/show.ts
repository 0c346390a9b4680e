import type { Command } from 'commander';
import { findGroupSnapshot } from '../../api/group-finders.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_SNAPSHOTS } from '../../cli/group-microversions.js';
import { groupSnapshotDetails } from '../../cli/views/group.js';

export function registerGroupSnapshotShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <group-snapshot>',
      summary: 'Show a volume group snapshot (by name or ID)',
      since: VOLUME_GROUP_SNAPSHOTS,
      output: 'details',
      watchable: true,
      examples: ['ucinder volume group snapshot show nightly', 'ucinder volume group snapshot show nightly -f value -c Status'],
      options: { allProjects: ALL_PROJECTS_LOOKUP },
      run: async ({ f, options, args: [snapshotRef] }) => {
        const session = await f.session();
        return groupSnapshotDetails(await findGroupSnapshot(session, snapshotRef, { allProjects: options.allProjects }));
      },
    },
    factoryFor,
  );
}
