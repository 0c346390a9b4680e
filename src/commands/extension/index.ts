import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerExtensionList } from './list.js';

/** `extension list` (openstack's command, for the block-storage service). */
export function registerExtensionCommands(extension: Command, factoryFor: FactoryProvider): void {
  registerExtensionList(extension, factoryFor);
}
