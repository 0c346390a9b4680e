import type { Command } from 'commander';
import { findGroupType } from '../../api/group-finders.js';
import { deleteGroupSpec, getGroupType } from '../../api/resources/group-types.js';
import { applyChanges } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_TYPES } from '../../cli/group-microversions.js';
import { repeatable } from '../../cli/option-spec.js';
import { groupTypeDetails } from '../../cli/views/group.js';
import { UsageError } from '../../errors.js';

export function registerGroupTypeUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'unset <group-type>',
      summary: 'Remove properties (group specs) from a volume group type',
      since: VOLUME_GROUP_TYPES,
      output: 'details',
      examples: ['ucinder volume group type unset --property consistent_group_snapshot_enabled app-group'],
      options: { property: repeatable('--property <key>', 'property to remove (repeatable)') },
      run: async ({ f, options, args: [typeRef] }) => {
        const keys = options.property ?? [];
        if (!keys.length) throw new UsageError('nothing to unset: give --property KEY');
        const session = await f.session();
        const type = await findGroupType(session, typeRef, { action: 'change' });
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
