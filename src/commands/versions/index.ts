import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerVersionsShow } from './show.js';

/** `versions show` (openstack's command, for the block-storage service). */
export function registerVersionsCommands(versions: Command, factoryFor: FactoryProvider): void {
  registerVersionsShow(versions, factoryFor);
}
