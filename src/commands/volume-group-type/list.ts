import type { Command } from 'commander';
import { getDefaultGroupType, listGroupTypes, type GroupType } from '../../api/resources/group-types.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { listing, type Cell } from '../../output/result.js';

interface Options {
  default?: boolean;
}

const COLUMNS = ['ID', 'Name', 'Is Public', 'Properties'] as const;

/** openstack prints the group specs unformatted here: {'key': 'value'} in a table. */
function row(type: GroupType): Cell[] {
  return [type.id, type.name, type.is_public ?? null, type.group_specs ?? {}];
}

export function registerGroupTypeList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List volume group types (API 3.11+)',
      output: 'listing',
      examples: ['ucinder volume group type list', 'ucinder volume group type list --default', 'ucinder volume group type list -f value -c Name'],
      configure: (command) => command.option('--default', 'only the default group type'),
      columns: () => COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        requireMicroversion(session, '3.11', 'volume group types');
        const types = options.default ? [await getDefaultGroupType(session)] : await listGroupTypes(session);
        return listing(COLUMNS, types.map(row));
      },
    },
    factoryFor,
  );
}
