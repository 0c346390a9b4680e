import type { Command } from 'commander';
import { findGroupType } from '../../api/group-finders.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { groupTypeDetails } from '../../cli/views/group.js';

export function registerGroupTypeShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<object>(
    parent,
    {
      usage: 'show <group-type>',
      summary: 'Show a volume group type (by name or ID; API 3.11+)',
      output: 'details',
      examples: ['ucinder volume group type show app-group', 'ucinder volume group type show app-group -f json -c Properties'],
      run: async ({ f, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.11', 'volume group types');
        return groupTypeDetails(await findGroupType(session, args[0]!));
      },
    },
    factoryFor,
  );
}
