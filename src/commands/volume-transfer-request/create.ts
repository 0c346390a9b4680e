import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { createTransfer, TRANSFERS_V355 } from '../../api/resources/transfers.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { transferDetails } from '../../cli/views/transfer.js';

interface Options {
  name?: string;
  /** --snapshots: true, --no-snapshots: false, neither: undefined (the last given wins, as in openstack). */
  snapshots?: boolean;
}

export function registerTransferRequestCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'create <volume>',
      summary: 'Offer a volume to another project; prints the auth key, once (the receiver needs it and the ID)',
      output: 'details',
      examples: [
        'ucinder volume transfer request create --name to-team-b vol1',
        'ucinder volume transfer request create --no-snapshots vol1 -f value -c id -c auth_key',
      ],
      configure: (command) => {
        command
          .option('--name <name>', 'name of the transfer request')
          .option('--snapshots', "transfer the volume's snapshots with it (the default; API 3.55+)")
          .option('--no-snapshots', "leave the volume's snapshots behind (API 3.55+)");
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        const explicit = options.snapshots !== undefined;
        if (explicit) requireMicroversion(session, TRANSFERS_V355, '--snapshots/--no-snapshots');
        const volume = await findVolume(session, args[0]!, { action: 'transfer' });
        const transfer = await createTransfer(session, {
          volume_id: volume.id,
          name: options.name,
          no_snapshots: explicit ? !options.snapshots : undefined,
        });
        return transferDetails(transfer);
      },
    },
    factoryFor,
  );
}
