import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerLimitsShow } from './show.js';

export function registerLimitsCommands(program: Command, factoryFor: FactoryProvider): void {
  const limits = program.command('limits').summary('Project limits').description('Project limits');
  registerLimitsShow(limits, factoryFor);
}
