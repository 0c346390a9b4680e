import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerClusterList } from './list.js';
import { registerClusterRemove } from './remove.js';
import { registerClusterSet } from './set.js';
import { registerClusterShow } from './show.js';

/** `cluster list|show|set|remove`: active/active cinder-volume groups (3.7+). */
export function registerClusterCommands(cluster: Command, factoryFor: FactoryProvider): void {
  registerClusterList(cluster, factoryFor);
  registerClusterShow(cluster, factoryFor);
  registerClusterSet(cluster, factoryFor);
  registerClusterRemove(cluster, factoryFor);
}
