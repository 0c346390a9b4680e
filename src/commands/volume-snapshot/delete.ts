import { Option, type Command } from 'commander';
import { findSnapshot } from '../../api/finders.js';
import { deleteSnapshot, getSnapshot, listSnapshots, unmanageSnapshot } from '../../api/resources/snapshots.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { deleteOrJoin } from '../../cli/deletion-under-way.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';
import { snapshotLabel, snapshotTarget } from '../../cli/wait/snapshot.js';

interface Options extends WaitFlags {
  force?: boolean;
  remote?: boolean;
  allProjects?: boolean;
  concurrency?: number;
}

export function registerSnapshotDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
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
      configure: (command) => {
        command
          .option('--force', 'delete whatever the snapshot status (admin)')
          .addOption(new Option('--remote', 'unmanage: Cinder forgets the snapshot, the backend keeps it (admin)').conflicts('force'))
          .option('--all-projects', 'look names up in every project (admin)')
          .option('--concurrency <n>', 'delete this many snapshots at a time (default 8)', positiveInteger);
        addWaitOptions(command, 'the snapshots are gone');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'snapshot',
          nouns: 'snapshots',
          items: args,
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
