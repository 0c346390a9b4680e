import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { buildNoun } from './lazy-tree.js';

/**
 * `ucinder help volume type create`: Commander's own help command only goes
 * one level deep, the openstack tree goes three.
 */
export function addHelpCommand(program: Command): void {
  program.helpCommand(false);
  program
    .command('help [command...]')
    .summary('Show help for a command, e.g. ucinder help volume create')
    .description('Show help for a command')
    .action(async (words: string[] | undefined) => {
      let target = program;
      for (const word of words ?? []) {
        await buildNoun(target, word);
        const next = target.commands.find((command) => command.name() === word || command.aliases().includes(word));
        if (!next) {
          const known = target.commands.map((command) => command.name()).join(', ');
          throw new UsageError(`unknown command '${(words ?? []).join(' ')}': '${word}' is not one of ${known}`);
        }
        target = next;
      }
      await buildNoun(target);
      target.outputHelp();
    });
}
