import type { Command } from 'commander';
import { findGroupSnapshot } from '../../api/group-finders.js';
import { deleteGroupSnapshot } from '../../api/resources/group-snapshots.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { groupSnapshotTarget } from '../../cli/wait/group.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options extends WaitFlags {
  allProjects?: boolean;
}

export function registerGroupSnapshotDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'delete <group-snapshot...>',
      summary: 'Delete volume group snapshots (by name or ID; API 3.14+); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder volume group snapshot delete nightly', 'ucinder volume group snapshot delete --wait nightly weekly'],
      configure: (command) => {
        command.option('--all-projects', 'look names up in every project (admin)');
        addWaitOptions(command, 'the group snapshots are gone');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.14', 'volume group snapshots');
        await runBulkDelete(f, {
          noun: 'volume group snapshot',
          nouns: 'volume group snapshots',
          items: args,
          concurrency: 4,
          describe: (item) => `volume group snapshot with name or ID '${item}'`,
          deleteOne: async (nameOrId) => {
            const snapshot = await findGroupSnapshot(session, nameOrId, { allProjects: options.allProjects, action: 'delete' });
            await deleteGroupSnapshot(session, snapshot.id);
            return snapshot;
          },
          pollTarget: (snapshot) => groupSnapshotTarget(session, snapshot, []),
          wait: options,
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
