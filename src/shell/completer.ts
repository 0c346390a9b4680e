import type { CommandModel, CompletionModel, OptionModel, ValueCompletion } from '../completion/command-model.js';
import type { NameKind } from '../completion/name-kinds.js';
import { SHELL_BUILTIN_WORDS } from '../cli/shell-vocabulary.js';
import { quoteShellWord, splitShellWords } from '../host/shell-words.js';

/** Where TAB gets resource names: the live session (never throws; no names on failure). */
export type NameSource = (kind: NameKind) => Promise<string[]>;

/**
 * What TAB offers for the text before the cursor, and the partial word it
 * replaces (node:readline's completer contract). It walks the same command
 * model the bash and zsh scripts are generated from: subcommands, the
 * command's and the global flags, an option's choices, and resource names
 * for arguments and options that take them.
 */
export async function completeLine(line: string, model: CompletionModel, names: NameSource): Promise<[string[], string]> {
  const current = /\S*$/.exec(line)![0];
  let words: string[];
  try {
    words = splitShellWords(line.slice(0, line.length - current.length), { comments: true });
  } catch {
    return [[], current];
  }
  const offer = (candidates: readonly string[]): [string[], string] => {
    // Readline inserts what follows the typed part: a name needing quotes matches once its quote is typed (or nothing is).
    const matches = [...new Set(candidates.map(quoteShellWord))].filter((word) => word.startsWith(current));
    // A single match is a finished word: the space lets the next TAB go on, as in bash.
    return [matches.length === 1 ? [`${matches[0]} `] : matches, current];
  };

  if (words[0] === 'use') {
    if (words.length === 1) return offer(['cloud', 'project']);
    return [[], current];
  }
  let command = model.root;
  let positionals = 0;
  let pendingValue: ValueCompletion | undefined;
  for (const word of words) {
    if (pendingValue) {
      pendingValue = undefined;
      continue;
    }
    if (word.startsWith('-')) {
      const option = findOption(word.split('=')[0]!, command, model.globalOptions);
      if (option?.value && !word.includes('=')) pendingValue = option.value;
      continue;
    }
    const sub = command.subcommands.find((candidate) => candidate.name === word || candidate.aliases.includes(word));
    if (sub && positionals === 0) command = sub;
    else positionals++;
  }
  if (pendingValue) return offer(await valuesOf(pendingValue, model, names));
  if (current.startsWith('-')) {
    // At the prompt there is no batch mode: its options are never offered.
    const options = [...command.options, ...model.globalOptions].filter((option) => !option.batchOnly);
    return offer(options.flatMap((option) => option.flags.filter((flag) => flag.startsWith('--'))));
  }
  if (command.subcommands.length) {
    const commands = command.subcommands.map((sub) => sub.name);
    return offer(command === model.root ? [...commands, ...SHELL_BUILTIN_WORDS] : commands);
  }
  const argument = command.args[Math.min(positionals, command.args.length - 1)];
  if (!argument || (positionals >= command.args.length && !argument.variadic)) return [[], current];
  return offer(await valuesOf(argument.value, model, names));
}

function findOption(flag: string, command: CommandModel, globals: OptionModel[]): OptionModel | undefined {
  return [...command.options, ...globals].find((option) => option.flags.includes(flag));
}

async function valuesOf(value: ValueCompletion, model: CompletionModel, names: NameSource): Promise<string[]> {
  switch (value.kind) {
    case 'choices':
      return value.choices;
    case 'names':
      return names(value.names);
    case 'commands':
      return model.root.subcommands.map((sub) => sub.name);
    default:
      return [];
  }
}
