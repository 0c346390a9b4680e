import type { Command } from 'commander';
import { listResourceFilters, RESOURCE_FILTERS_MIN_VERSION } from '../../api/resources/resource-filters.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { listing } from '../../output/result.js';

const COLUMNS = ['Resource', 'Filters'] as const;

export function registerResourceFilterList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List the filters each resource listing accepts',
      since: RESOURCE_FILTERS_MIN_VERSION,
      output: 'listing',
      watchable: true,
      examples: ['ucinder block storage resource filter list', 'ucinder block storage resource filter list -f json'],
      columns: () => COLUMNS,
      run: async ({ f }) => {
        const session = await f.session();
        const filters = await listResourceFilters(session);
        // The list stays a list (openstack prints Python's repr of it in a table, a JSON array with -f json).
        return listing(
          COLUMNS,
          filters.map((item) => [item.resource, item.filters]),
        );
      },
    },
    factoryFor,
  );
}
