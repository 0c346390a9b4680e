import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerConnectionList } from './list.js';
import { registerConnectionShow } from './show.js';

/** `connection list|show`: what init-connect cached on this host. */
export function registerConnectionCommands(connection: Command, factoryFor: FactoryProvider): void {
  registerConnectionList(connection, factoryFor);
  registerConnectionShow(connection, factoryFor);
}
