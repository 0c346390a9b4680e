import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerClusterList } from './list.js';
import { registerClusterShow } from './show.js';

/** `cluster list|show`: active/active cinder-volume groups (3.7+). */
export function registerClusterCommands(cluster: Command, factoryFor: FactoryProvider): void {
  registerClusterList(cluster, factoryFor);
  registerClusterShow(cluster, factoryFor);
}
