import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import type { Connector } from '../../host/connector.js';
import { details, type Value } from '../../output/result.js';
import { CONNECTOR_OPTIONS, connectorOverrides } from '../../cli/attach/connector-options.js';

export function registerConnectorShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show',
      summary: 'Show the connector this host sends to Cinder (like `cinder get-connector`)',
      output: 'details',
      watchable: true,
      examples: ['ucinder connector show', 'ucinder connector show -f json --multipath'],
      options: CONNECTOR_OPTIONS,
      run: async ({ f, options }) => {
        const { buildConnector } = await import('../../host/connector.js');
        const connector: Connector = await buildConnector(connectorOverrides(options), await f.hostFacts());
        return details(connector as Record<string, Value>);
      },
    },
    factoryFor,
  );
}
