import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { getTypeEncryption } from '../../api/resources/volume-type-encryption.js';
import { listTypeAccess } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { isPublic, volumeTypeShowDetails } from '../../cli/views/volume-type.js';

export function registerVolumeTypeShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <type>',
      summary: 'Show a volume type (by name or ID)',
      output: 'details',
      watchable: true,
      examples: [
        'ucinder volume type show mmj2',
        'ucinder volume type show mmj2 -f json -c properties',
        'ucinder volume type show mmj2 --raw -f json',
        'ucinder volume type show --encryption-type secret -c encryption',
      ],
      options: { encryptionType: flag('--encryption-type', 'also show the encryption of the type (admin)') },
      run: async ({ f, options, args: [typeRef] }) => {
        const session = await f.session();
        const type = await findVolumeType(session, typeRef);
        // Private types: which projects may use them.
        const access = isPublic(type) ? undefined : await listTypeAccess(session, type.id);
        const encryption = options.encryptionType ? await getTypeEncryption(session, type.id) : undefined;
        return volumeTypeShowDetails(type, access, encryption);
      },
    },
    factoryFor,
  );
}
