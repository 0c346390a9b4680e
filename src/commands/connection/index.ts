import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerConnect } from './connect.js';
import { registerConnectorShow } from './connector-show.js';
import { registerDisconnect } from './disconnect.js';
import { registerInitConnect } from './init-connect.js';
import { registerConnectionList } from './list.js';
import { registerConnectionShow } from './show.js';
import { registerTermConnect } from './term-connect.js';

/** The host attach flow: the old script's four verbs at top level, plus `connector` and `connection`. */
export function registerConnectionCommands(program: Command, factoryFor: FactoryProvider): void {
  registerInitConnect(program, factoryFor);
  registerConnect(program, factoryFor);
  registerDisconnect(program, factoryFor);
  registerTermConnect(program, factoryFor);
  const connector = program.command('connector').summary("This host's connector").description("This host's connector");
  registerConnectorShow(connector, factoryFor);
  const connection = program.command('connection').summary('Connections cached on this host (init-connect)').description('Connections cached on this host (init-connect)');
  registerConnectionList(connection, factoryFor);
  registerConnectionShow(connection, factoryFor);
}
