import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerQuotaList } from './list.js';
import { registerQuotaShow } from './show.js';

export function registerQuotaCommands(quota: Command, factoryFor: FactoryProvider): void {
  registerQuotaShow(quota, factoryFor);
  registerQuotaList(quota, factoryFor);
}
