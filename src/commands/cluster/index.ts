import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerClusterList } from './list.js';
import { registerClusterShow } from './show.js';

/** `cluster list|show`: active/active cinder-volume groups (3.7+). */
export function registerClusterCommands(program: Command, factoryFor: FactoryProvider): void {
  const cluster = program.command('cluster').summary('Clusters of active/active services').description('Clusters of active/active services (API 3.7+)');
  registerClusterList(cluster, factoryFor);
  registerClusterShow(cluster, factoryFor);
}
