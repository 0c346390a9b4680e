import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { deleteVolume } from '../../api/resources/volumes.js';
import { waitForDeletion } from '../../api/wait.js';
import { mapSettledBounded } from '../../cli/bounded-map.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger, positiveSeconds } from '../../cli/option-parsers.js';
import { InterruptedError, PartialFailureError } from '../../errors.js';
import { startProgress } from '../../output/progress.js';
import { NO_OUTPUT } from '../../output/result.js';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, volumeTarget } from './wait.js';

interface Options {
  force?: boolean;
  cascade?: boolean;
  wait?: boolean;
  waitTimeout?: number;
  concurrency?: number;
}

export function registerVolumeDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'delete <volume...>',
      summary: 'Delete volumes (by name or ID); tries every one, then reports failures',
      output: 'none',
      examples: [
        'ucinder volume delete vol1',
        'ucinder volume delete vol1 vol2 --wait',
        'ucinder volume delete --cascade vol-with-snapshots',
      ],
      configure: (command) =>
        command
          .option('--force', 'delete whatever the volume state (admin)')
          .option('--cascade', 'also delete the volume\'s snapshots')
          .option('--wait', 'wait until the volumes are gone')
          .option('--wait-timeout <seconds>', `give up waiting after this long (default ${DEFAULT_WAIT_TIMEOUT_SECONDS})`, positiveSeconds)
          .option('--concurrency <n>', 'delete this many volumes at a time (default 8)', positiveInteger),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        const timeoutMs = (options.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_SECONDS) * 1000;
        const progress = options.wait ? await startProgress(f.io, `Deleting ${args.length} volume(s)`) : undefined;
        let gone = 0;
        const results = await mapSettledBounded(args, options.concurrency ?? 8, async (nameOrId) => {
          const volume = await findVolume(session, nameOrId);
          await deleteVolume(session, volume.id, { force: options.force, cascade: options.cascade });
          if (!options.wait) return;
          await waitForDeletion(volumeTarget(session, volume, []), {
            timeoutMs,
            signal: f.deps.signal,
            sleep: f.deps.sleep,
            now: f.deps.now,
            onStatus: (status) => progress?.update(`volume '${nameOrId}': ${status}`),
          });
          gone++;
          progress?.update(`${gone} of ${args.length} volume(s) deleted`);
        });
        progress?.stop();
        const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [{ name: args[index]!, error: result.reason as Error }] : []));
        if (failures.some((failure) => failure.error instanceof InterruptedError)) {
          throw new InterruptedError('stopped waiting; deletions continue on the server');
        }
        // One volume: its own error, with its own exit code and message.
        if (args.length === 1 && failures.length === 1) throw failures[0]!.error;
        for (const { name, error } of failures) {
          f.io.stderr.write(`Failed to delete volume with name or ID '${name}': ${error.message}\n`);
        }
        if (failures.length) throw new PartialFailureError(failures.length, args.length, 'volumes failed to delete');
        if (options.wait) f.io.stderr.write(`${args.length} volume(s) deleted\n`);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
