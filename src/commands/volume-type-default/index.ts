import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerDefaultTypeList } from './list.js';
import { registerDefaultTypeSet } from './set.js';
import { registerDefaultTypeUnset } from './unset.js';

/** `volume type default …`: per-project default volume types (cinderclient's default-type-set/list/unset). */
export function registerVolumeTypeDefaultCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerDefaultTypeSet(parent, factoryFor);
  registerDefaultTypeList(parent, factoryFor);
  registerDefaultTypeUnset(parent, factoryFor);
}
