import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerMessageDelete } from './delete.js';
import { registerMessageList } from './list.js';
import { registerMessageShow } from './show.js';

/** `message list|show|delete`: Cinder's user messages (3.3+). */
export function registerMessageCommands(message: Command, factoryFor: FactoryProvider): void {
  registerMessageList(message, factoryFor);
  registerMessageShow(message, factoryFor);
  registerMessageDelete(message, factoryFor);
}
