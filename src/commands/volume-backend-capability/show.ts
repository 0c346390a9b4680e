import type { Command } from 'commander';
import { getBackendCapabilities } from '../../api/resources/pools.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { details, type Value } from '../../output/result.js';

export function registerBackendCapabilityShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <host>',
      summary: 'Show what a backend offers for volume type extra specs (admin)',
      output: 'details',
      watchable: true,
      examples: ['ucinder volume backend capability show node1@mmj', 'ucinder volume backend capability show node1@mmj -f json'],
      run: async ({ f, args: [host] }) => {
        const session = await f.session();
        const capabilities = await getBackendCapabilities(session, host);
        const { properties, ...rest } = capabilities;
        const fields: Record<string, Value> = {};
        for (const [key, value] of Object.entries(rest)) fields[key] = value as Value;
        // One line per capability: what an extra spec key means and takes.
        const described: Record<string, Value> = {};
        for (const [key, property] of Object.entries(properties ?? {})) {
          const title = property.title ?? key;
          described[key] = `${title}${property.type ? ` (${property.type})` : ''}${property.description ? `: ${property.description}` : ''}`;
        }
        fields.properties = described;
        return details(fields);
      },
    },
    factoryFor,
  );
}
