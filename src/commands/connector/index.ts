import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerConnectorShow } from './show.js';

/** `connector show`: what this host sends to Cinder. */
export function registerConnectorCommands(connector: Command, factoryFor: FactoryProvider): void {
  registerConnectorShow(connector, factoryFor);
}
