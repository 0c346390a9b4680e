import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { UcinderError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { findCached, NoCachedConnectionError, openStore, sessionIdentity } from '../../cli/attach/cache.js';
import { terminateCached } from '../../cli/attach/terminate.js';
import { terminateUncached } from '../../cli/attach/terminate-uncached.js';
import { VOLUME_NAME_OPTION, volumeArgument } from '../../cli/attach/options.js';
import { resolveVolume } from '../../cli/attach/resolve-volume.js';
import type { Factory } from '../../cli/factory.js';
import type { CinderSession } from '../../api/session.js';

export function registerTermConnect(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'term-connect [volume]',
      summary: 'Tell Cinder to stop exporting a volume to this host (os-terminate_connection) and drop the cache entry',
      output: 'none',
      examples: ['ucinder term-connect vol1', 'ucinder term-connect vol1 --force'],
      options: {
        name: VOLUME_NAME_OPTION,
        force: flag(
          '--force',
          "go on although the volume is still connected here, drop the cache entry even if Cinder refuses; with nothing cached, end this host's export from what Cinder knows",
        ),
      },
      run: async ({ f, options, args: [volumeArg] }) => {
        const name = volumeArgument(volumeArg, options, 'term-connect');
        const store = await openStore(f);
        const session = await f.session();
        let found;
        try {
          found = await findCached(f, store, name, await sessionIdentity(session));
        } catch (error) {
          if (!(error instanceof NoCachedConnectionError) || !options.force) throw error;
          await terminateWithoutCache(f, session, name);
          return NO_OUTPUT;
        }
        const { path, entry } = found;
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

/** Nothing cached for the volume: ask Cinder with this host's connector (cli/attach/terminate-uncached.ts). */
async function terminateWithoutCache(f: Factory, session: CinderSession, name: string): Promise<void> {
  const volume = await resolveVolume(session, name);
  const { buildConnector } = await import('../../host/connector.js');
  const connector = await buildConnector({}, await f.hostFacts());
  const done = await terminateUncached(session, volume, connector);
  const how = done.api === 'attachments' ? `deleted this host's attachment ${done.attachmentId}` : `sent os-terminate_connection with this host's connector (${connector.host})`;
  f.io.stderr.write(`Terminated the connection of volume '${volume.name || volume.id}': nothing was cached, so ${how}\n`);
}
