import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerSnapshotManageableList } from './list.js';

/** `block storage snapshot manageable …` */
export function registerBlockStorageSnapshotManageableCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerSnapshotManageableList(parent, factoryFor);
}
