import type { Command } from 'commander';
import { getQuotas, getQuotaUsage } from '../../api/resources/quotas.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { UcinderError } from '../../errors.js';
import { listing } from '../../output/result.js';

interface Options {
  usage?: boolean;
}

const LIMITS = ['Resource', 'Limit'] as const;
const USAGE = ['Resource', 'Limit', 'In Use', 'Reserved'] as const;

export function registerQuotaShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'show [project]',
      summary: "Show a project's block storage quotas (-1 = unlimited); default: the session's project",
      output: 'listing',
      examples: [
        'ucinder quota show',
        'ucinder quota show --usage',
        'ucinder quota show db135c4b5391422da5a55c81dfbf803d -f json',
      ],
      configure: (command) => command.option('--usage', 'also show what is in use and reserved'),
      columns: (options) => (options.usage ? USAGE : LIMITS),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        const project = args[0] ?? (await session.projectId());
        if (!project) {
          throw new UcinderError('no project to show: give a project ID, or authenticate with a project (--os-project-id / OS_PROJECT_ID)');
        }
        if (options.usage) {
          const usage = await getQuotaUsage(session, project);
          return listing(
            USAGE,
            Object.entries(usage).map(([resource, entry]) => [resource, entry.limit, entry.in_use, entry.reserved]),
          );
        }
        const quotas = await getQuotas(session, project);
        return listing(LIMITS, Object.entries(quotas).map(([resource, limit]) => [resource, limit]));
      },
    },
    factoryFor,
  );
}
