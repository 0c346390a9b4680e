import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerVolumeManageableList } from './list.js';

/** `block storage volume manageable …` */
export function registerBlockStorageVolumeManageableCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerVolumeManageableList(parent, factoryFor);
}
