import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerLimitsShow } from './show.js';

export function registerLimitsCommands(limits: Command, factoryFor: FactoryProvider): void {
  registerLimitsShow(limits, factoryFor);
}
