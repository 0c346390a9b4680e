import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { UcinderError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { findCached, openStore, sessionIdentity } from '../../cli/attach/cache.js';
import { terminateCached } from '../../cli/attach/terminate.js';
import { addVolumeNameOption, volumeArgument, type VolumeNameOptions } from '../../cli/attach/options.js';

interface Options extends VolumeNameOptions {
  force?: boolean;
}

export function registerTermConnect(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'term-connect [volume]',
      summary: 'Tell Cinder to stop exporting a volume to this host (os-terminate_connection) and drop the cache entry',
      output: 'none',
      examples: ['ucinder term-connect vol1', 'ucinder term-connect vol1 --force'],
      configure: (command) => {
        addVolumeNameOption(command);
        command.option('--force', 'go on although the volume is still connected here, and drop the cache entry even if Cinder refuses');
      },
      run: async ({ f, options, args }) => {
        const name = volumeArgument(args, options, 'term-connect');
        const store = await openStore(f);
        const session = await f.session();
        const { path, entry } = await findCached(f, store, name, await sessionIdentity(session));
        if (entry.device && !options.force) {
          const where = entry.device.stopped_at
            ? `is marked to come back at boot (disconnect --all took ${entry.device.path} away)`
            : `is still connected on this host at ${entry.device.path}`;
          throw new UcinderError(`volume '${entry.volume.name}' ${where}; run \`ucinder disconnect ${name}\` first (or --force)`);
        }
        try {
          await terminateCached(session, entry);
        } catch (error) {
          if (!options.force) throw error;
          f.warn(`Cinder refused (${(error as Error).message}); dropping the cache entry anyway (--force)`);
        }
        await store.update(path, () => null);
        f.io.stderr.write(`Terminated the connection of volume '${entry.volume.name}'\n`);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
