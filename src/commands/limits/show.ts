import type { Command } from 'commander';
import { getLimits } from '../../api/resources/limits.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { listing, type Value } from '../../output/result.js';

const ABSOLUTE = ['Name', 'Value'] as const;
const RATE = ['Verb', 'URI', 'Value', 'Remain', 'Unit', 'Next Available'] as const;

export function registerLimitsShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show',
      summary: "Show the project's absolute limits and usage (default) or rate limits",
      output: 'listing',
      watchable: true,
      examples: ['ucinder limits show', 'ucinder limits show --absolute -f json', 'ucinder limits show --rate'],
      options: {
        absolute: flag('--absolute', 'absolute limits and usage, -1 = unlimited (default)', { conflicts: 'rate' }),
        rate: flag('--rate', 'rate limits'),
      },
      columns: (options) => (options.rate ? RATE : ABSOLUTE),
      run: async ({ f, options }) => {
        const session = await f.session();
        const limits = await getLimits(session);
        if (options.rate) {
          const rows: Value[][] = [];
          for (const group of limits.rate) {
            for (const limit of group.limit) {
              rows.push([limit.verb, group.uri, limit.value, limit.remaining, limit.unit, limit['next-available'] ?? null]);
            }
          }
          return listing(RATE, rows);
        }
        return listing(
          ABSOLUTE,
          Object.entries(limits.absolute).map(([name, value]) => [name, value]),
        );
      },
    },
    factoryFor,
  );
}
