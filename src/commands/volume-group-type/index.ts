import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerGroupTypeCreate } from './create.js';
import { registerGroupTypeDelete } from './delete.js';
import { registerGroupTypeList } from './list.js';
import { registerGroupTypeSet } from './set.js';
import { registerGroupTypeShow } from './show.js';
import { registerGroupTypeUnset } from './unset.js';

/** `volume group type …` (API 3.11+). */
export function registerVolumeGroupTypeCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerGroupTypeCreate(parent, factoryFor);
  registerGroupTypeList(parent, factoryFor);
  registerGroupTypeShow(parent, factoryFor);
  registerGroupTypeSet(parent, factoryFor);
  registerGroupTypeUnset(parent, factoryFor);
  registerGroupTypeDelete(parent, factoryFor);
}
