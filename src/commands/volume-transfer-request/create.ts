import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { createTransfer, TRANSFERS_V355 } from '../../api/resources/transfers.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { transferDetails } from '../../cli/views/transfer.js';

export function registerTransferRequestCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <volume>',
      summary: 'Offer a volume to another project; prints the auth key, once (the receiver needs it and the ID)',
      output: 'details',
      examples: ['ucinder volume transfer request create --name to-team-b vol1', 'ucinder volume transfer request create --no-snapshots vol1 -f value -c id -c auth_key'],
      options: {
        name: option('--name <name>', 'name of the transfer request'),
        // --snapshots: true, --no-snapshots: false, neither: undefined (the last given wins, as in openstack).
        snapshots: flag('--snapshots', "transfer the volume's snapshots with it (the default)", {
          negatable: "leave the volume's snapshots behind",
          since: { version: TRANSFERS_V355, feature: '--snapshots/--no-snapshots' },
        }),
      },
      run: async ({ f, options, args: [volumeRef] }) => {
        const session = await f.session();
        const explicit = options.snapshots !== undefined;
        const volume = await findVolume(session, volumeRef, { action: 'transfer' });
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
