import type { Command } from 'commander';
import { listResourceFilters, RESOURCE_FILTERS_MIN_VERSION } from '../../api/resources/resource-filters.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { NotFoundError } from '../../errors.js';
import { details } from '../../output/result.js';

export function registerResourceFilterShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand(
    parent,
    {
      usage: 'show <resource>',
      summary: 'Show the filters one resource listing accepts (API 3.33+), e.g. volume, snapshot, backup',
      output: 'details',
      examples: [
        'ucinder block storage resource filter show volume',
        'ucinder block storage resource filter show snapshot -f value -c filters',
      ],
      run: async ({ f, args }) => {
        const resource = args[0]!;
        const session = await f.session();
        requireMicroversion(session, RESOURCE_FILTERS_MIN_VERSION, 'block storage resource filter show');
        const [found] = await listResourceFilters(session, resource);
        // Cinder answers an unknown resource with an empty list, not a 404.
        if (!found) throw new NotFoundError('resource filter', resource);
        return details({ filters: found.filters, resource: found.resource });
      },
    },
    factoryFor,
  );
}
