import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerStatus } from './status.js';

/** `ucinder status`: a command of its own, no verbs. */
export function registerStatusCommands(program: Command, factoryFor: FactoryProvider): void {
  registerStatus(program, factoryFor);
}
