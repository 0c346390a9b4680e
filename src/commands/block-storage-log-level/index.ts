import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerLogLevelList } from './list.js';
import { registerLogLevelSet } from './set.js';

/** `block storage log level list|set` (3.32+). */
export function registerBlockStorageLogLevelCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerLogLevelList(parent, factoryFor);
  registerLogLevelSet(parent, factoryFor);
}
