import type { Command } from 'commander';
import { beginDetaching, detachVolume } from '../../api/resources/attachments.js';
import { volumeAction } from '../../api/resources/volumes.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import type { Connector } from '../../host/connector.js';
import { NO_OUTPUT } from '../../output/result.js';
import { findCached, openStore } from '../../cli/attach/cache.js';
import { hostContext, plannedCommands, type HostFlags } from '../../cli/attach/host-context.js';
import { addDryRunOptions, addShowSecretsOption, addStateDirOption, addVolumeNameOption, volumeArgument, type VolumeNameOptions } from '../../cli/attach/options.js';

interface Options extends VolumeNameOptions, HostFlags {
  showSecrets?: boolean;
}

export function registerDisconnect(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'disconnect [volume]',
      summary: 'Detach a volume from this host (flush, then logout/unmap/disconnect); safe to repeat',
      output: 'details',
      examples: ['ucinder disconnect vol1', 'ucinder disconnect vol1 --dry-run -f value'],
      configure: (command) => {
        addVolumeNameOption(command);
        addDryRunOptions(command);
        addShowSecretsOption(command);
        addStateDirOption(command);
      },
      run: async ({ f, options, args }) => {
        const name = volumeArgument(args, options, 'disconnect');
        const store = await openStore(f, options.stateDir);
        const { path, entry } = await findCached(f, store, name);
        const { context, dryRun } = await hostContext(f, options);
        const { connectorFor } = await import('../../host/connectors/select.js');
        const protocol = connectorFor(entry.connection.driver_volume_type);
        // Cinder first learns the volume is going (os-begin_detaching), as Nova does it.
        const legacyAttached = !dryRun && entry.device?.attached === true && entry.connection.api === 'legacy';
        const session = legacyAttached ? await f.session() : undefined;
        if (session) await beginDetaching(session, entry.volume.id);
        try {
          await protocol.detach(entry.data, entry.connector as Connector, entry.device?.path, context);
        } catch (error) {
          if (session) await volumeAction(session, entry.volume.id, 'os-roll_detaching', {}).catch(() => undefined);
          throw error;
        }
        if (dryRun) return plannedCommands(dryRun, options.showSecrets === true);
        if (session) await detachVolume(session, entry.volume.id, entry.device?.attachment_id);
        await store.update(path, (current) => {
          if (!current) return null;
          const { device: _gone, ...rest } = current;
          return rest;
        });
        f.io.stderr.write(`Disconnected volume '${entry.volume.name}'${entry.device ? ` (${entry.device.path})` : ''}\n`);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
