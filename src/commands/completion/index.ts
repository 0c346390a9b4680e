import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerCompletionNames } from './names.js';
import { registerCompletionScript } from './script.js';

/** `ucinder completion bash|zsh|fish` (and the hidden `completion names <kind>`). */
export function registerCompletionCommands(completion: Command, factoryFor: FactoryProvider): void {
  registerCompletionScript(completion, 'bash', factoryFor);
  registerCompletionScript(completion, 'zsh', factoryFor);
  registerCompletionScript(completion, 'fish', factoryFor);
  registerCompletionNames(completion, factoryFor);
}
