import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerTokenIssue } from './issue.js';
import { registerTokenRevoke } from './revoke.js';

export function registerTokenCommands(token: Command, factoryFor: FactoryProvider): void {
  registerTokenIssue(token, factoryFor);
  registerTokenRevoke(token, factoryFor);
}
