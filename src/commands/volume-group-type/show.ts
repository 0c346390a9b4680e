import type { Command } from 'commander';
import { findGroupType } from '../../api/group-finders.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_TYPES } from '../../cli/group-microversions.js';
import { groupTypeDetails } from '../../cli/views/group.js';

export function registerGroupTypeShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <group-type>',
      summary: 'Show a volume group type (by name or ID)',
      since: VOLUME_GROUP_TYPES,
      output: 'details',
      watchable: true,
      examples: ['ucinder volume group type show app-group', 'ucinder volume group type show app-group -f json -c Properties'],
      run: async ({ f, args: [typeRef] }) => {
        const session = await f.session();
        return groupTypeDetails(await findGroupType(session, typeRef));
      },
    },
    factoryFor,
  );
}
