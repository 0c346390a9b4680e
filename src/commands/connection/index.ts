import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerConnectionCheck } from './check.js';
import { registerConnectionList } from './list.js';
import { registerConnectionShow } from './show.js';

/** `connection list|show|check`: what init-connect cached on this host, and whether the host and Cinder agree. */
export function registerConnectionCommands(connection: Command, factoryFor: FactoryProvider): void {
  registerConnectionList(connection, factoryFor);
  registerConnectionShow(connection, factoryFor);
  registerConnectionCheck(connection, factoryFor);
}
