import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import type { Details, Listing, TextLines } from '../../output/result.js';
import { findCached, openStore } from '../../cli/attach/cache.js';
import { connectDetails } from '../../cli/views/connection.js';
import { hostContext, plannedCommands } from '../../cli/attach/host-context.js';
import { HOST_OPERATION_OPTIONS, VOLUME_NAME_OPTION, volumeArgument } from '../../cli/attach/options.js';

export function registerConnect(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'connect [volume]',
      summary: 'Attach a volume on this host from its cached connection info (iscsi, rbd, nvmeof); --all at boot',
      output: 'record',
      examples: [
        'ucinder connect vol1',
        'ucinder connect vol1 --dry-run',
        'ucinder connect vol1 --dry-run --show-secrets > connect-vol1.sh',
        'ucinder connect vol1 --attach -f value -c device',
        'ucinder --state-dir /var/lib/ucinder connect --all   # what ucinder-connections.service runs at boot',
      ],
      options: {
        name: VOLUME_NAME_OPTION,
        ...HOST_OPERATION_OPTIONS,
        attach: flag('--attach', 'also tell Cinder (os-reserve + os-attach, or attachment complete) so the volume shows in-use on this host'),
        all: flag('--all', "every cached connection that was connected and is not now (after a reboot), in the cache's order; one row each, exit 1 if any failed"),
      },
      run: async ({ f, options, args: [volume], failAfterOutput }): Promise<Details | Listing | TextLines> => {
        if (options.all) {
          if (volume !== undefined || options.name !== undefined) throw new UsageError('give either a volume or --all, not both');
          if (options.attach) throw new UsageError('--all reconnects what was connected and keeps what Cinder was told; --attach goes with one volume');
        }
        const name = options.all ? undefined : volumeArgument(volume, options, 'connect');
        const store = await openStore(f);
        const { context, dryRun } = await hostContext(f, options);
        if (name === undefined) {
          const { connectAll } = await import('../../cli/attach/all-connections.js');
          const rows = await connectAll(f, store, context, failAfterOutput);
          return dryRun ? plannedCommands(f, dryRun, options.showSecrets === true) : rows;
        }
        const cached = await findCached(f, store, name);
        const { connectCached } = await import('../../cli/attach/connect-entry.js');
        const { entry, already } = await connectCached(f, store, cached, context, { attach: options.attach });
        if (dryRun) return plannedCommands(f, dryRun, options.showSecrets === true);
        if (already) f.warn(`volume '${entry.volume.name}' is already connected at ${entry.device?.path}`);
        return connectDetails(entry);
      },
    },
    factoryFor,
  );
}
