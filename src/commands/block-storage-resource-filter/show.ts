import type { Command } from 'commander';
import { listResourceFilters, RESOURCE_FILTERS_MIN_VERSION } from '../../api/resources/resource-filters.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NotFoundError } from '../../errors.js';
import { details } from '../../output/result.js';

export function registerResourceFilterShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <resource>',
      summary: 'Show the filters one resource listing accepts, e.g. volume, snapshot, backup',
      since: RESOURCE_FILTERS_MIN_VERSION,
      output: 'details',
      watchable: true,
      examples: ['ucinder block storage resource filter show volume', 'ucinder block storage resource filter show snapshot -f value -c filters'],
      run: async ({ f, args: [resource] }) => {
        const session = await f.session();
        const [found] = await listResourceFilters(session, resource);
        // Cinder answers an unknown resource with an empty list, not a 404.
        if (!found) throw new NotFoundError('resource filter', resource);
        return details({ filters: found.filters, resource: found.resource });
      },
    },
    factoryFor,
  );
}
