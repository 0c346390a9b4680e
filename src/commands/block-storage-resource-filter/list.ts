import type { Command } from 'commander';
import { listResourceFilters, RESOURCE_FILTERS_MIN_VERSION } from '../../api/resources/resource-filters.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { listing } from '../../output/result.js';

const COLUMNS = ['Resource', 'Filters'] as const;

export function registerResourceFilterList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand(
    parent,
    {
      usage: 'list',
      summary: 'List the filters each resource listing accepts (API 3.33+)',
      output: 'listing',
      examples: [
        'ucinder block storage resource filter list',
        'ucinder block storage resource filter list -f json',
      ],
      columns: () => COLUMNS,
      run: async ({ f }) => {
        const session = await f.session();
        requireMicroversion(session, RESOURCE_FILTERS_MIN_VERSION, 'block storage resource filter list');
        const filters = await listResourceFilters(session);
        // The list stays a list (openstack prints Python's repr of it in a table, a JSON array with -f json).
        return listing(COLUMNS, filters.map((item) => [item.resource, item.filters]));
      },
    },
    factoryFor,
  );
}
