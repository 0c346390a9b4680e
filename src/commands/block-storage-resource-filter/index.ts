import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerResourceFilterList } from './list.js';
import { registerResourceFilterShow } from './show.js';

/** `block storage resource filter list|show` (openstack's names). */
export function registerResourceFilterCommands(filter: Command, factoryFor: FactoryProvider): void {
  registerResourceFilterList(filter, factoryFor);
  registerResourceFilterShow(filter, factoryFor);
}
