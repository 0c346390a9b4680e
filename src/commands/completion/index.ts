import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerCompletionNames } from './names.js';
import { registerCompletionScript } from './script.js';

/** `ucinder completion bash|zsh` (and the hidden `completion names <kind>`). */
export function registerCompletionCommands(program: Command, factoryFor: FactoryProvider): void {
  const completion = program
    .command('completion')
    .summary('Shell completion scripts (bash, zsh)')
    .description('Print a shell completion script (bash or zsh); installing it: see "Shell completion" in the README');
  registerCompletionScript(completion, 'bash', factoryFor);
  registerCompletionScript(completion, 'zsh', factoryFor);
  registerCompletionNames(completion, factoryFor);
}
