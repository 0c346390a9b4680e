import type { Command } from 'commander';
import { findSnapshot } from '../../api/finders.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { snapshotDetails } from '../../cli/views/snapshot.js';

export function registerSnapshotShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <snapshot>',
      summary: 'Show a snapshot (by name or ID)',
      output: 'details',
      watchable: true,
      examples: ['ucinder volume snapshot show snap1', 'ucinder volume snapshot show snap1 -f value -c status'],
      options: { allProjects: ALL_PROJECTS_LOOKUP },
      run: async ({ f, options, args: [snapshot] }) => {
        const session = await f.session();
        return snapshotDetails(await findSnapshot(session, snapshot, options));
      },
    },
    factoryFor,
  );
}
