import type { Command } from 'commander';
import { ApiError } from '../../http/errors.js';
import { deleteAttachment, terminateConnection } from '../../api/resources/attachments.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { UcinderError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { findCached, openStore, sessionIdentity } from '../../cli/attach/cache.js';
import { addStateDirOption, addVolumeNameOption, volumeArgument, type VolumeNameOptions } from '../../cli/attach/options.js';

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
        addStateDirOption(command);
        command.option('--force', 'go on although the volume is still connected here, and drop the cache entry even if Cinder refuses');
      },
      run: async ({ f, options, args }) => {
        const name = volumeArgument(args, options, 'term-connect');
        const store = await openStore(f, options.stateDir);
        const session = await f.session();
        const { path, entry } = await findCached(f, store, name, await sessionIdentity(session));
        if (entry.device && !options.force) {
          throw new UcinderError(
            `volume '${entry.volume.name}' is still connected on this host at ${entry.device.path}; run \`ucinder disconnect ${name}\` first (or --force)`,
          );
        }
        try {
          if (entry.connection.api === 'attachments' && entry.connection.attachment_id) {
            await deleteAttachment(session, entry.connection.attachment_id).catch((error: unknown) => {
              // Already deleted: the goal is reached.
              if (!(error instanceof ApiError && error.status === 404)) throw error;
            });
          } else {
            // The connector sent at init-connect, not today's: that is what the backend exported to.
            await terminateConnection(session, entry.volume.id, entry.connector);
          }
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
