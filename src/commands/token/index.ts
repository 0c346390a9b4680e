import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerTokenIssue } from './issue.js';
import { registerTokenRevoke } from './revoke.js';

export function registerTokenCommands(program: Command, factoryFor: FactoryProvider): void {
  const token = program.command('token').summary('Keystone tokens').description('Keystone tokens');
  registerTokenIssue(token, factoryFor);
  registerTokenRevoke(token, factoryFor);
}
