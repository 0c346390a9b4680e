import { Help, type Argument, type Command, type Option } from 'commander';
import { declaredColumns, isBatchCommand, isBatchOption } from './completion-hints.js';
import { isFileValueName, nameKindFor, type NameKind } from './name-kinds.js';

/** How the shell completes one value (an option's argument or a positional). */
export type ValueCompletion =
  | { kind: 'choices'; choices: string[] }
  | { kind: 'names'; names: NameKind }
  | { kind: 'files' }
  /** Command words, as `help [command...]` takes them. */
  | { kind: 'commands' }
  | { kind: 'none' };

export interface OptionModel {
  /** Every spelling, e.g. ['-f', '--format']. */
  flags: string[];
  description: string;
  /** Undefined for a flag that takes no value. */
  value?: ValueCompletion;
  /** Means something only where batch mode runs (offered on the root and `shell`, never at the shell's prompt). */
  batchOnly?: true;
}

interface ArgumentModel {
  name: string;
  variadic: boolean;
  value: ValueCompletion;
}

export interface CommandModel {
  /** Words from the root, e.g. ['volume', 'type', 'list']; [] for the root. */
  path: string[];
  name: string;
  aliases: string[];
  summary: string;
  /** The command's own options (with -h/--help), not the global ones. */
  options: OptionModel[];
  args: ArgumentModel[];
  subcommands: CommandModel[];
}

export interface CompletionModel {
  program: string;
  /** The root's options: Commander accepts them after any subcommand too (not the batch-only ones: see the root's own). */
  globalOptions: OptionModel[];
  root: CommandModel;
}

/**
 * Reads what the shells need out of the live Commander tree, so the completion
 * scripts follow every command any file registers. Hidden commands and options
 * (e.g. `completion names`) stay out, as they do in --help.
 */
export function completionModel(program: Command): CompletionModel {
  const help = new Help();
  const rootOptions = help.visibleOptions(program).map((option) => optionModel(option));
  const isHelpFlag = (option: OptionModel) => option.flags.includes('--help');
  const batchOptions = rootOptions.filter((option) => option.batchOnly);
  const root = commandModel(program, [], help, batchOptions);
  return {
    program: program.name(),
    globalOptions: rootOptions.filter((option) => !isHelpFlag(option) && !option.batchOnly),
    root: { ...root, options: [...root.options.filter(isHelpFlag), ...batchOptions] },
  };
}

function commandModel(command: Command, path: string[], help: Help, batchOptions: OptionModel[]): CommandModel {
  const columns = declaredColumns(command);
  return {
    path,
    name: command.name(),
    aliases: command.aliases(),
    summary: command.summary() || firstLine(command.description()),
    options: [...help.visibleOptions(command).map((option) => optionModel(option, columns)), ...(isBatchCommand(command) ? batchOptions : [])],
    args: command.registeredArguments.map(argumentModel),
    subcommands: help.visibleCommands(command).map((sub) => commandModel(sub, [...path, sub.name()], help, batchOptions)),
  };
}

/** `columns`: what the command prints, offered for `-c`/`--column` and `--sort-column`. */
function optionModel(option: Option, columns?: readonly string[]): OptionModel {
  const flags = [option.short, option.long].filter((flag): flag is string => Boolean(flag));
  const model: OptionModel = { flags, description: firstLine(option.description) };
  if (option.required || option.optional) {
    const takesColumn = option.long === '--column' || option.long === '--sort-column';
    model.value = takesColumn && columns?.length ? { kind: 'choices', choices: [...columns] } : valueCompletion(valueNameOf(option.flags), option.argChoices);
  }
  if (isBatchOption(option)) model.batchOnly = true;
  return model;
}

function argumentModel(argument: Argument): ArgumentModel {
  return {
    name: argument.name(),
    variadic: argument.variadic,
    value: valueCompletion(argument.name(), argument.argChoices),
  };
}

/** Choices win; then the value name says which names (or files) fit. */
function valueCompletion(valueName: string, choices: string[] | undefined): ValueCompletion {
  if (choices?.length) return { kind: 'choices', choices: [...choices] };
  const names = nameKindFor(valueName);
  if (names) return { kind: 'names', names };
  if (isFileValueName(valueName)) return { kind: 'files' };
  if (valueName.replace(/\.\.\.$/, '') === 'command') return { kind: 'commands' };
  return { kind: 'none' };
}

/** `-f, --format <format>` → `format`. */
function valueNameOf(flags: string): string {
  return /[<[]([^>\]]+)[>\]]/.exec(flags)?.[1] ?? '';
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
