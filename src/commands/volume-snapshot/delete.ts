import type { Command } from 'commander';
import { findSnapshot } from '../../api/finders.js';
import { deleteSnapshot } from '../../api/resources/snapshots.js';
import { waitForDeletion } from '../../api/wait.js';
import { mapSettledBounded } from '../../cli/bounded-map.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { addWaitOptions, waitTimeoutMs, type WaitFlags } from '../../cli/waiting.js';
import { InterruptedError, PartialFailureError } from '../../errors.js';
import { startProgress } from '../../output/progress.js';
import { NO_OUTPUT } from '../../output/result.js';
import { snapshotTarget } from './wait.js';

interface Options extends WaitFlags {
  force?: boolean;
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
      ],
      configure: (command) => {
        command
          .option('--force', 'delete whatever the snapshot status (admin)')
          .option('--all-projects', 'look names up in every project (admin)')
          .option('--concurrency <n>', 'delete this many snapshots at a time (default 8)', positiveInteger);
        addWaitOptions(command, 'the snapshots are gone');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        const progress = options.wait ? await startProgress(f.io, `Deleting ${args.length} snapshot(s)`) : undefined;
        let gone = 0;
        const results = await mapSettledBounded(args, options.concurrency ?? 8, async (nameOrId) => {
          const snapshot = await findSnapshot(session, nameOrId, options);
          await deleteSnapshot(session, snapshot.id, { force: options.force });
          if (!options.wait) return;
          await waitForDeletion(snapshotTarget(session, snapshot, []), {
            timeoutMs: waitTimeoutMs(options),
            signal: f.deps.signal,
            sleep: f.deps.sleep,
            now: f.deps.now,
            onStatus: (status) => progress?.update(`snapshot '${nameOrId}': ${status}`),
          });
          gone++;
          progress?.update(`${gone} of ${args.length} snapshot(s) deleted`);
        });
        progress?.stop();
        const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [{ name: args[index]!, error: result.reason as Error }] : []));
        if (failures.some((failure) => failure.error instanceof InterruptedError)) {
          throw new InterruptedError('stopped waiting; deletions continue on the server');
        }
        // One snapshot: its own error, with its own exit code and message.
        if (args.length === 1 && failures.length === 1) throw failures[0]!.error;
        for (const { name, error } of failures) {
          f.io.stderr.write(`Failed to delete snapshot with name or ID '${name}': ${error.message}\n`);
        }
        if (failures.length) throw new PartialFailureError(failures.length, args.length, 'snapshots failed to delete');
        if (options.wait) f.io.stderr.write(`${args.length} snapshot(s) deleted\n`);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
