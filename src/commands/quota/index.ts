import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerQuotaShow } from './show.js';

export function registerQuotaCommands(program: Command, factoryFor: FactoryProvider): void {
  const quota = program.command('quota').summary('Block storage quotas').description('Block storage quotas');
  registerQuotaShow(quota, factoryFor);
}
