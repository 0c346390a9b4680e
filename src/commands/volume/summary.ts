import type { Command } from 'commander';
import { volumeSummary } from '../../api/resources/volumes.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { dictColumn } from '../../output/columns.js';
import { orderedDetails, type Cell, type Value } from '../../output/result.js';

export function registerVolumeSummary(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'summary',
      summary: 'Show the number and total size of volumes, and from API 3.36 their distinct metadata',
      since: '3.12',
      output: 'details',
      examples: ['ucinder volume summary', 'ucinder volume summary --all-projects -f json'],
      options: { allProjects: flag('--all-projects', "every project's volumes (admin)") },
      run: async ({ f, options }) => {
        const session = await f.session();
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
