import type { Command } from 'commander';
import { volumeSummary } from '../../api/resources/volumes.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { dictColumn } from '../../output/columns.js';
import { orderedDetails, type Cell, type Value } from '../../output/result.js';

interface Options {
  allProjects?: boolean;
}

export function registerVolumeSummary(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'summary',
      summary: 'Show the number and total size of volumes (API 3.12+; distinct metadata from 3.36)',
      output: 'details',
      examples: ['ucinder volume summary', 'ucinder volume summary --all-projects -f json'],
      configure: (command) => command.option('--all-projects', 'every project\'s volumes (admin)'),
      run: async ({ f, options }) => {
        const session = await f.session();
        requireMicroversion(session, '3.12', 'volume summary');
        const summary = await volumeSummary(session, Boolean(options.allProjects));
        // openstack's headers in its order (not sorted); Metadata only where the server sends it (3.36+).
        const fields: Record<string, Cell> = { 'Total Count': summary.total_count, 'Total Size': summary.total_size };
        if (summary.metadata !== undefined) fields.Metadata = dictColumn(summary.metadata as Record<string, Value>);
        return orderedDetails(fields, summary as unknown as Record<string, Value>);
      },
    },
    factoryFor,
  );
}
