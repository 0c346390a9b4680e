import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerConnect } from './connect.js';
import { registerDisconnect } from './disconnect.js';
import { registerInitConnect } from './init-connect.js';
import { registerTermConnect } from './term-connect.js';

/** The old attach script's four verbs, at top level as it had them. */
export function registerAttachCommands(program: Command, factoryFor: FactoryProvider): void {
  registerInitConnect(program, factoryFor);
  registerConnect(program, factoryFor);
  registerDisconnect(program, factoryFor);
  registerTermConnect(program, factoryFor);
}
