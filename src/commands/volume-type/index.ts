import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerVolumeTypeCreate } from './create.js';
import { registerVolumeTypeDelete } from './delete.js';
import { registerVolumeTypeList } from './list.js';
import { registerVolumeTypeSet } from './set.js';
import { registerVolumeTypeShow } from './show.js';
import { registerVolumeTypeUnset } from './unset.js';

/** `volume type …` (also reachable as the seed's shortcut `type …`). */
export function registerVolumeTypeCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerVolumeTypeCreate(parent, factoryFor);
  registerVolumeTypeList(parent, factoryFor);
  registerVolumeTypeShow(parent, factoryFor);
  registerVolumeTypeDelete(parent, factoryFor);
  registerVolumeTypeSet(parent, factoryFor);
  registerVolumeTypeUnset(parent, factoryFor);
}
