import type { Command } from 'commander';
import { findGroupSnapshot } from '../../api/group-finders.js';
import { deleteGroupSnapshot } from '../../api/resources/group-snapshots.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { ALL_PROJECTS_LOOKUPS } from '../../cli/all-projects-option.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_SNAPSHOTS } from '../../cli/group-microversions.js';
import { groupSnapshotTarget } from '../../cli/wait/group.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerGroupSnapshotDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <group-snapshot...>',
      summary: 'Delete volume group snapshots (by name or ID); tries every one, then reports failures',
      since: VOLUME_GROUP_SNAPSHOTS,
      output: 'none',
      examples: ['ucinder volume group snapshot delete nightly', 'ucinder volume group snapshot delete --wait nightly weekly'],
      options: { allProjects: ALL_PROJECTS_LOOKUPS, ...waitOptions('the group snapshots are gone') },
      run: async ({ f, options, args: [snapshots] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'volume group snapshot',
          nouns: 'volume group snapshots',
          items: snapshots,
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
