import type { Command } from 'commander';
import { findGroupType } from '../../api/group-finders.js';
import { deleteGroupSpec, getGroupType } from '../../api/resources/group-types.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { applyChanges } from '../../cli/change-set.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { collect } from '../../cli/option-parsers.js';
import { groupTypeDetails } from '../../cli/views/group.js';
import { UsageError } from '../../errors.js';

interface Options {
  property?: string[];
}

export function registerGroupTypeUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'unset <group-type>',
      summary: 'Remove properties (group specs) from a volume group type (API 3.11+)',
      output: 'details',
      examples: ['ucinder volume group type unset --property consistent_group_snapshot_enabled app-group'],
      configure: (command) => command.option('--property <key>', 'property to remove (repeatable)', collect),
      run: async ({ f, options, args }) => {
        const keys = options.property ?? [];
        if (!keys.length) throw new UsageError('nothing to unset: give --property KEY');
        const session = await f.session();
        requireMicroversion(session, '3.11', 'volume group types');
        const type = await findGroupType(session, args[0]!, { action: 'change' });
        await applyChanges(
          f,
          `volume group type '${type.name}'`,
          keys.map((key) => ({ what: `unset property '${key}'`, apply: () => deleteGroupSpec(session, type.id, key) })),
        );
        return groupTypeDetails(await getGroupType(session, type.id));
      },
    },
    factoryFor,
  );
}
