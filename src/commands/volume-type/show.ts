import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { getTypeEncryption } from '../../api/resources/volume-type-encryption.js';
import { listTypeAccess } from '../../api/resources/volume-types.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { isPublic, volumeTypeShowDetails } from '../../cli/views/volume-type.js';

interface Options {
  encryptionType?: boolean;
}

export function registerVolumeTypeShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'show <type>',
      summary: 'Show a volume type (by name or ID)',
      output: 'details',
      examples: [
        'ucinder volume type show mmj2',
        'ucinder volume type show mmj2 -f json -c properties',
        'ucinder volume type show mmj2 --raw -f json',
        'ucinder volume type show --encryption-type secret -c encryption',
      ],
      configure: (command) => command.option('--encryption-type', 'also show the encryption of the type (admin)'),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        const type = await findVolumeType(session, args[0]!);
        // Private types: which projects may use them.
        const access = isPublic(type) ? undefined : await listTypeAccess(session, type.id);
        const encryption = options.encryptionType ? await getTypeEncryption(session, type.id) : undefined;
        return volumeTypeShowDetails(type, access, encryption);
      },
    },
    factoryFor,
  );
}
