import type { Command } from 'commander';
import { requireMicroversion } from '../api/version-requirement.js';
import { UsageError } from '../errors.js';
import type { OutputOptions } from '../output/options.js';
import type { CommandResult } from '../output/result.js';
import { selectColumns } from '../output/render.js';
import type { Factory } from './factory.js';
import { addOutputOptions, outputOptionsFrom, withTableWidth, type OutputKind } from './output-options.js';
import { commanderOptions, longFlagOf, withMinMicroversion, type MinMicroversion, type OptionSpec, type OptionSpecs, type OptionValues } from './option-spec.js';
import { addWatchOption } from './watch.js';
import { declareColumns, type ColumnsFor } from '../completion/completion-hints.js';
import { printRun } from './print-run.js';
import { declareMinimumMicroversion } from './minimum-microversion.js';
import { addExamples } from './help-sections.js';

/** Builds the factory for the command being run (from its global options). */
export type FactoryProvider = (command: Command) => Factory;

/** Parsers of positional arguments, by the argument's name in `usage`. */
type ArgumentParsers = Readonly<Record<string, (value: string) => unknown>>;

/** The words of `usage` after the command's name: "<volume>", "[host]", "<volume...>". */
type UsageWords<Usage extends string> = Usage extends `${string} ${infer Rest}` ? Words<Rest> : [];
type Words<Text extends string> = Text extends `${infer Word} ${infer Rest}` ? [Word, ...Words<Rest>] : Text extends '' ? [] : [Text];
type Parsed<Name extends string, Parsers> = Name extends keyof Parsers ? (Parsers[Name] extends (value: string) => infer Value ? Value : string) : string;
type ArgumentValue<Word, Parsers> = Word extends `<${infer Name}...>`
  ? [Parsed<Name, Parsers>, ...Parsed<Name, Parsers>[]]
  : Word extends `[${infer Name}...]`
    ? Parsed<Name, Parsers>[]
    : Word extends `<${infer Name}>`
      ? Parsed<Name, Parsers>
      : Word extends `[${infer Name}]`
        ? Parsed<Name, Parsers> | undefined
        : never;

/**
 * The positional arguments `run` gets, typed from `usage` as Commander
 * parses them: `show <volume>` → [string]; `restore <backup> [volume]` →
 * [string, string | undefined]; `delete <volume...>` → [[string, ...string[]]].
 */
type UsageArguments<Usage extends string, Parsers = object> = ArgumentValues<UsageWords<Usage>, Parsers>;
type ArgumentValues<Words extends unknown[], Parsers> = { [Index in keyof Words]: ArgumentValue<Words[Index], Parsers> };

interface RunInput<Options, Args> {
  f: Factory;
  options: Options;
  /** Positional arguments, as declared in `usage`. */
  args: Args;
  /** The -f/-c/--sort-column… flags, as the printers take them. */
  output: OutputOptions;
  /** Fails the command with this error once its output is printed (e.g. `status --check` on an unhealthy cloud). */
  failAfterOutput(error: Error): void;
  /** A line for standard error once the output is printed, e.g. `status`'s summary, which closes its table. */
  noteAfterOutput(line: string): void;
}

/** How a `set` command words its refusal when no change is given: "give --name, --description or --state", or "give at least one of --name, …". */
type NothingToChange = 'give A, B or C' | 'give at least one of A, B, C';

/**
 * One command, declared as data: Commander gets its flags and help, `run`
 * gets typed options and arguments and returns data for the printers.
 */
interface CommandSpec<Usage extends string, Specs extends OptionSpecs, Parsers extends ArgumentParsers> {
  /** Name and arguments in Commander syntax, e.g. "delete <volume...>"; the names also choose shell completion. */
  usage: Usage;
  /** Parsers of positional arguments by name, e.g. { name: resourceName } for "create <name>". */
  argumentParsers?: Parsers;
  summary: string;
  examples: string[];
  output: OutputKind;
  /** The command's options, keyed by the name `run` reads them under (Commander's camelCase of the long flag). */
  options?: Specs;
  /** The microversion the whole command needs ("3.13"), or that and the name its refusal gives the feature. */
  since?: string | MinMicroversion;
  /** A `set` command: without any option marked `change` it fails before any request, listing them. */
  nothingToChange?: NothingToChange;
  /** Columns known before any request, so bad -c/--sort-column fail early. */
  columns?: (options: OptionValues<Specs>) => readonly string[];
  /** A list or show command that takes `--watch [SECONDS]`: its view is refreshed until Ctrl-C (cli/watch.ts). */
  watchable?: boolean;
  run: (input: RunInput<OptionValues<Specs>, UsageArguments<Usage, Parsers>>) => Promise<CommandResult>;
}

export function defineCommand<const Usage extends string, Specs extends OptionSpecs = Record<never, never>, Parsers extends ArgumentParsers = Record<never, never>>(
  parent: Command,
  spec: CommandSpec<Usage, Specs, Parsers>,
  factoryFor: FactoryProvider,
): Command {
  const summary = withMinMicroversion(spec.summary, typeof spec.since === 'string' ? spec.since : spec.since?.version);
  const command = parent.command(spec.usage).summary(summary).description(summary);
  const since = typeof spec.since === 'string' ? { version: spec.since, feature: commandPath(command) } : spec.since;
  for (const argument of command.registeredArguments) {
    const parse = spec.argumentParsers?.[argument.name()];
    if (parse) argument.argParser(parse);
  }
  const specs: [string, OptionSpec][] = Object.entries(spec.options ?? {});
  for (const [, option] of specs) {
    for (const commanderOption of commanderOptions(option)) {
      command.addOption(commanderOption);
      // For the man pages (cli/minimum-microversion.ts), as the help shows it.
      if (option.since) declareMinimumMicroversion(commanderOption, option.since.version);
    }
  }
  checkDeclaration(command, specs);
  if (since) declareMinimumMicroversion(command, since.version);
  addOutputOptions(command, spec.output);
  if (spec.columns) declareColumns(command, spec.columns as ColumnsFor);
  if (spec.watchable) addWatchOption(command);
  addExamples(command, spec.examples);
  command.action(async (...actionArgs: unknown[]) => {
    const self = actionArgs[actionArgs.length - 1] as Command;
    const values = self.opts();
    const options = values as OptionValues<Specs>;
    const given = (key: string) => {
      const source = self.getOptionValueSource(key);
      return source !== undefined && source !== 'default';
    };
    checkNeeds(specs, given);
    if (spec.nothingToChange) checkSomethingToChange(specs, given, spec.nothingToChange);
    const output = outputOptionsFrom(values);
    if (spec.columns) {
      const columns = spec.columns(options);
      selectColumns(columns, output.columns, 'column');
      selectColumns(columns, output.sortColumns, 'sort column');
    }
    const needed = [...(since ? [since] : []), ...specs.flatMap(([key, option]) => (option.since && given(key) ? [option.since] : []))];
    const f = checkingMicroversions(factoryFor(self), needed);
    const printed = withTableWidth(output, values, f.env);
    const args = self.processedArgs as UsageArguments<Usage, Parsers>;
    await printRun(f, self, printed, values.watch as number | boolean | undefined, (after) => spec.run({ f, options, args, output, ...after }));
  });
  return command;
}

/** A declaration that Commander would read differently from what `run` expects fails when the tree is built (a unit test builds it all). */
function checkDeclaration(command: Command, specs: [string, OptionSpec][]): void {
  const keys = new Set(specs.map(([key]) => key));
  for (const [key, option] of specs) {
    const attribute = command.options.find((candidate) => candidate.flags === option.flags)?.attributeName();
    const problem =
      attribute !== key
        ? `is read as '${attribute}'`
        : option.conflicts?.find((other) => !keys.has(other)) !== undefined
          ? `conflicts with an unknown option`
          : option.needs !== undefined && !keys.has(option.needs)
            ? `needs an unknown option '${option.needs}'`
            : undefined;
    if (problem) throw new Error(`${commandPath(command)}: option '${key}' (${option.flags}) ${problem}`);
  }
}

/** "--retype-policy needs --type": an option that only goes with another, before any request. */
function checkNeeds(specs: [string, OptionSpec][], given: (key: string) => boolean): void {
  for (const [key, option] of specs) {
    if (option.needs === undefined || !given(key) || given(option.needs)) continue;
    const other = specs.find(([otherKey]) => otherKey === option.needs)?.[1];
    throw new UsageError(`${longFlagOf(option.flags)} needs ${other ? longFlagOf(other.flags) : option.needs}`);
  }
}

/** A `set` command given no change: one line naming the options that are changes, before any request. */
function checkSomethingToChange(specs: [string, OptionSpec][], given: (key: string) => boolean, wording: NothingToChange): void {
  const changes = specs.filter(([, option]) => option.change !== undefined);
  if (changes.some(([key]) => given(key))) return;
  const labels = [...new Set(changes.map(([, option]) => option.change!))];
  const list =
    wording === 'give A, B or C' && labels.length > 1
      ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`
      : wording === 'give A, B or C'
        ? labels.join('')
        : `at least one of ${labels.join(', ')}`;
  throw new UsageError(`nothing to change: give ${list}`);
}

/**
 * The factory `run` gets: its session, once opened (discovery only), is
 * checked against the microversions the command and its given options need,
 * before the command can send anything else; the refusal names the feature.
 */
function checkingMicroversions(f: Factory, needed: readonly MinMicroversion[]): Factory {
  if (!needed.length) return f;
  const checkedSession = async () => {
    const session = await f.session();
    for (const { version, feature } of needed) requireMicroversion(session, version, feature);
    return session;
  };
  return new Proxy(f, {
    get(target, key) {
      if (key === 'session') return checkedSession;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** "volume summary": the command's words below the program. */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) words.unshift(current.name());
  return words.join(' ');
}
