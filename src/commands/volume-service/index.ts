import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerVolumeServiceList } from './list.js';
import { registerVolumeServiceRemove } from './remove.js';
import { registerVolumeServiceSet } from './set.js';

/** `volume service …` (also reachable as the seed's shortcut `service …`). */
export function registerVolumeServiceCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerVolumeServiceList(parent, factoryFor);
  registerVolumeServiceSet(parent, factoryFor);
  registerVolumeServiceRemove(parent, factoryFor);
}
