import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerTypeAccessList } from './list.js';

/** `volume type access list` (cinderclient's type-access-list). */
export function registerVolumeTypeAccessCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerTypeAccessList(parent, factoryFor);
}
