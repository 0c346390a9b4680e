import type { Command } from 'commander';
import { findSnapshot } from '../../api/finders.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { snapshotDetails } from '../../cli/views/snapshot.js';

export function registerSnapshotShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<{ allProjects?: boolean }>(
    parent,
    {
      usage: 'show <snapshot>',
      summary: 'Show a snapshot (by name or ID)',
      output: 'details',
      examples: ['ucinder volume snapshot show snap1', 'ucinder volume snapshot show snap1 -f value -c status'],
      configure: (command) => command.option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        return snapshotDetails(await findSnapshot(session, args[0]!, options));
      },
    },
    factoryFor,
  );
}
