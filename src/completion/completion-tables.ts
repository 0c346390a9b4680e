import type { CommandModel, CompletionModel, OptionModel, ValueCompletion } from './command-model.js';

/**
 * The command tree flattened into lookup tables keyed by the command path
 * ("ucinder volume type list"; it starts with the program because bash's
 * associative arrays take no empty key), which is what both shell scripts walk. A value's
 * completion is encoded as one word (`choices:a,b`, `names:volume`, `files`,
 * `none`) so the scripts can store it in an associative array.
 */
export interface CompletionTables {
  program: string;
  /** path → its subcommands, in help order. */
  commands: Map<string, { name: string; summary: string }[]>;
  /** `path|alias` → the subcommand's name. */
  aliases: Map<string, string>;
  /** path → its own options; global ones are in `globalOptions`. */
  options: Map<string, { flag: string; description: string }[]>;
  globalOptions: { flag: string; description: string }[];
  /** `path|flag` → value completion, `.|flag` for global options. */
  values: Map<string, string>;
  /** path → one encoded value per positional argument; the last ends in `...` when variadic. */
  args: Map<string, string[]>;
}

const GLOBAL_PATH = '.';

export function completionTables(model: CompletionModel): CompletionTables {
  const tables: CompletionTables = {
    program: model.program,
    commands: new Map(),
    aliases: new Map(),
    options: new Map(),
    globalOptions: model.globalOptions.flatMap(optionEntries),
    values: new Map(),
    args: new Map(),
  };
  addOptionValues(tables, GLOBAL_PATH, model.globalOptions);
  const visit = (command: CommandModel) => {
    const path = [model.program, ...command.path].join(' ');
    if (command.subcommands.length) {
      tables.commands.set(
        path,
        command.subcommands.map((sub) => ({ name: sub.name, summary: sub.summary })),
      );
      for (const sub of command.subcommands) {
        for (const alias of sub.aliases) tables.aliases.set(`${path}|${alias}`, sub.name);
      }
    }
    tables.options.set(path, command.options.flatMap(optionEntries));
    addOptionValues(tables, path, command.options);
    if (command.args.length) {
      tables.args.set(
        path,
        command.args.map((arg) => `${encodeValue(arg.value)}${arg.variadic ? '...' : ''}`),
      );
    }
    command.subcommands.forEach(visit);
  };
  visit(model.root);
  return tables;
}

function optionEntries(option: OptionModel): { flag: string; description: string }[] {
  return option.flags.map((flag) => ({ flag, description: option.description }));
}

function addOptionValues(tables: CompletionTables, path: string, options: OptionModel[]): void {
  for (const option of options) {
    if (!option.value) continue;
    for (const flag of option.flags) tables.values.set(`${path}|${flag}`, encodeValue(option.value));
  }
}

/** A choice as the scripts store it: between commas, no quote or backslash; a space is escaped when offered (a column: "Attached to"). */
const SAFE_CHOICE = /^[A-Za-z0-9_.@+/:#() -]+$/;

export function encodeValue(value: ValueCompletion): string {
  switch (value.kind) {
    case 'choices':
      for (const choice of value.choices) {
        if (!SAFE_CHOICE.test(choice)) throw new Error(`cannot complete choice '${choice}': only plain words and spaces are supported`);
      }
      return `choices:${value.choices.join(',')}`;
    case 'names':
      return `names:${value.names}`;
    case 'files':
      return 'files';
    case 'commands':
      return 'commands';
    case 'none':
      return 'none';
  }
}
