import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT, type Listing, type NoOutput, type TextLines } from '../../output/result.js';
import { openStore } from '../../cli/attach/cache.js';
import { hostContext, plannedCommands } from '../../cli/attach/host-context.js';
import { HOST_OPERATION_OPTIONS, VOLUME_NAME_OPTION, volumeArgument } from '../../cli/attach/options.js';

export function registerDisconnect(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'disconnect [volume]',
      summary: 'Detach a volume from this host (flush, then logout/unmap/disconnect); safe to repeat; --all at shutdown',
      output: 'record',
      examples: [
        'ucinder disconnect vol1',
        'ucinder disconnect vol1 --dry-run',
        'ucinder disconnect --device /dev/sdb   # no cache entry needed',
        'ucinder --state-dir /var/lib/ucinder disconnect --all   # what ucinder-connections.service runs at shutdown',
      ],
      options: {
        name: VOLUME_NAME_OPTION,
        ...HOST_OPERATION_OPTIONS,
        device: option('--device <device>', 'the device to take away (a /dev path or link), found in the cache or, without an entry, from what the host shows'),
        all: flag('--all', 'every connected cache entry, for shutdown: the host side only, Cinder keeps the volumes in-use here and `connect --all` brings them back'),
      },
      run: async ({ f, options, args: [volume], failAfterOutput }): Promise<Listing | NoOutput | TextLines> => {
        const given = [volume !== undefined || options.name !== undefined, options.device !== undefined, options.all === true].filter(Boolean).length;
        if (given > 1) throw new UsageError('give one of: a volume, --device DEVICE or --all');
        if (options.device === '') throw new UsageError('--device needs a device path, e.g. /dev/sdb');
        const name = options.all || options.device !== undefined ? undefined : volumeArgument(volume, options, 'disconnect');
        const store = await openStore(f);
        const { context, dryRun } = await hostContext(f, options);
        const planned = () => plannedCommands(f, dryRun!, options.showSecrets === true);
        if (options.all) {
          const { disconnectAll } = await import('../../cli/attach/all-connections.js');
          const rows = await disconnectAll(f, store, context, failAfterOutput);
          return dryRun ? planned() : rows;
        }
        const { disconnectVolume } = await import('../../cli/attach/disconnect-volume.js');
        const done = await disconnectVolume(f, store, context, name !== undefined ? { volume: name } : { device: options.device! });
        if (dryRun) return planned();
        const origin = done.fromHost ? '; no cache entry had it: found from what the host shows' : '';
        f.io.stderr.write(`Disconnected ${done.what}${done.device ? ` (${done.device})` : ''}${origin}\n`);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
