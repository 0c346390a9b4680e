import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { listTypeAccess } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { isPublic, volumeTypeShowDetails } from '../../cli/views/volume-type.js';

export function registerVolumeTypeShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<object>(
    parent,
    {
      usage: 'show <type>',
      summary: 'Show a volume type (by name or ID)',
      output: 'details',
      examples: ['ucinder volume type show mmj2', 'ucinder volume type show mmj2 -f json -c properties', 'ucinder volume type show mmj2 --raw -f json'],
      run: async ({ f, args }) => {
        const session = await f.session();
        const type = await findVolumeType(session, args[0]!);
        // Private types: which projects may use them.
        const access = isPublic(type) ? undefined : await listTypeAccess(session, type.id);
        return volumeTypeShowDetails(type, access);
      },
    },
    factoryFor,
  );
}
