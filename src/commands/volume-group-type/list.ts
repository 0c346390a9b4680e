import type { Command } from 'commander';
import { getDefaultGroupType, listGroupTypes, type GroupType } from '../../api/resources/group-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_TYPES } from '../../cli/group-microversions.js';
import { flag } from '../../cli/option-spec.js';
import { listing, type Cell } from '../../output/result.js';

const COLUMNS = ['ID', 'Name', 'Is Public', 'Properties'] as const;

/** openstack prints the group specs unformatted here: {'key': 'value'} in a table. */
function row(type: GroupType): Cell[] {
  return [type.id, type.name, type.is_public ?? null, type.group_specs ?? {}];
}

export function registerGroupTypeList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List volume group types',
      since: VOLUME_GROUP_TYPES,
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume group type list', 'ucinder volume group type list --default', 'ucinder volume group type list -f value -c Name'],
      options: { default: flag('--default', 'only the default group type') },
      columns: () => COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        const types = options.default ? [await getDefaultGroupType(session)] : await listGroupTypes(session);
        return listing(COLUMNS, types.map(row));
      },
    },
    factoryFor,
  );
}
