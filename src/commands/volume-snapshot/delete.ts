import type { Command } from 'commander';
import { findSnapshot } from '../../api/finders.js';
import { deleteSnapshot, getSnapshot, listSnapshots, unmanageSnapshot } from '../../api/resources/snapshots.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { deleteOrJoin } from '../../cli/deletion-under-way.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { ALL_PROJECTS_LOOKUPS } from '../../cli/all-projects-option.js';
import { flag, option } from '../../cli/option-spec.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';
import { snapshotLabel, snapshotTarget } from '../../cli/wait/snapshot.js';

export function registerSnapshotDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <snapshot...>',
      summary: 'Delete snapshots (by name or ID); tries every one, then reports failures',
      output: 'none',
      examples: [
        'ucinder volume snapshot delete snap1',
        'ucinder volume snapshot delete snap1 snap2 --wait',
        'ucinder volume snapshot delete --force stuck-snap',
        'ucinder volume snapshot delete --remote snap7',
      ],
      options: {
        force: flag('--force', 'delete whatever the snapshot status (admin)'),
        remote: flag('--remote', 'unmanage: Cinder forgets the snapshot, the backend keeps it (admin)', { conflicts: 'force' }),
        allProjects: ALL_PROJECTS_LOOKUPS,
        concurrency: option('--concurrency <n>', 'delete this many snapshots at a time (default 8)', { parse: positiveInteger }),
        ...waitOptions('the snapshots are gone'),
      },
      run: async ({ f, options, args: [snapshots] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'snapshot',
          nouns: 'snapshots',
          items: snapshots,
          concurrency: options.concurrency ?? 8,
          describe: (item) => `snapshot with name or ID '${item}'`,
          deleteOne: async (nameOrId, note) => {
            const snapshot = await findSnapshot(session, nameOrId, { allProjects: options.allProjects, action: 'delete' });
            await deleteOrJoin({
              send: () => (options.remote ? unmanageSnapshot(session, snapshot.id) : deleteSnapshot(session, snapshot.id, { force: options.force })),
              fetchStatus: async () => (await getSnapshot(session, snapshot.id)).status,
              label: snapshotLabel(snapshot),
              note,
            });
            return snapshot;
          },
          pollTarget: (snapshot) => snapshotTarget(session, snapshot, []),
          idOf: (snapshot) => snapshot.id,
          // The session's project only: other projects' snapshots are fetched each round.
          listDeleting: async () => new Set((await listSnapshots(session, { status: options.remote ? 'unmanaging' : 'deleting' })).map((snapshot) => snapshot.id)),
          wait: options,
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
