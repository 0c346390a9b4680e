import { Option } from 'commander';

/**
 * A command's options and arguments, declared as data. `defineCommand`
 * (cli/command.ts) turns the declarations into Commander options and infers
 * from them the types its `run` gets, so no command casts `opts()` or
 * asserts that an argument is there.
 */

/**
 * The oldest Block Storage API microversion that has a feature, and what the
 * refusal calls the feature ("--backup needs Block Storage API microversion
 * 3.47 or later, …").
 */
export interface MinMicroversion {
  readonly version: string;
  readonly feature: string;
}

/** Commander's argument parser: it may fold repeated values into `previous` (e.g. `--property k=v` into a map). */
export type Parser<Value> = (value: string, previous: Value | undefined) => Value;

/**
 * One option. `Value` is what `run` reads; `Always` is true when the value is
 * never undefined (a default, a lone `--no-x`, or a mandatory option).
 */
export interface OptionSpec<Value = unknown, Always extends boolean = boolean> {
  /** Commander's syntax, e.g. '-n, --name <volume>': the value name also chooses shell completion (completion/name-kinds.ts). */
  readonly flags: string;
  readonly help: string;
  /** A method, so that a spec of any value type is an OptionSpec (parameters of methods are bivariant). */
  parse?(value: string, previous: Value | undefined): Value;
  readonly choices?: readonly string[];
  /** The value when the option is not given, and how --help shows it. */
  readonly default?: { readonly value: Value; readonly help?: string };
  /** The options (by their `options` key) this one cannot be combined with. */
  readonly conflicts?: readonly string[];
  /** The option (by its key) this one only goes with: "--retype-policy needs --type", before any request. */
  readonly needs?: string;
  /** Commander refuses the command without it. */
  readonly mandatory?: boolean;
  readonly hidden?: boolean;
  /** The help of `--no-<flag>`, added after it: true, false, or undefined when neither is given. */
  readonly negatable?: string;
  /** A `--no-…` switch of its own (openstack's --no-property beside --property), not the negation of another option. */
  readonly literalNo?: boolean;
  /** The option needs this microversion; enforced, and shown in the help as "(API 3.43+)". */
  readonly since?: MinMicroversion;
  /** What the "nothing to change" refusal of a `set` command lists for it (the long flag unless said). */
  readonly change?: string;
  /** Type only: carries `Value` and `Always` to the inference. */
  readonly [VALUE]?: { value: Value; always: Always };
}

declare const VALUE: unique symbol;

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The values `run` gets for `options`: undefined when not given, unless the option always has a value. */
export type OptionValues<Specs extends OptionSpecs> = {
  [Key in keyof Specs]: Exclude<Specs[Key], undefined> extends OptionSpec<infer Value, infer Always> ? (Always extends true ? Value : Value | undefined) : never;
};

/** What every option may add. `since` takes a version ("3.43", named after the flag) or a version and the feature's name. */
export interface OptionExtras {
  conflicts?: string | readonly string[];
  needs?: string;
  hidden?: boolean;
  since?: string | MinMicroversion;
  /** Marks the option as a change of a `set` command: true, or the words the refusal lists for it. */
  change?: true | string;
}

/** A switch: true when given. */
export function flag(flags: string, help: string, extras: OptionExtras & { negatable?: string } = {}): OptionSpec<boolean, false> {
  return { ...common(flags, help, extras), negatable: extras.negatable };
}

/** A lone `--no-x`: x is true unless it is given. */
export function negation(flags: string, help: string, extras: OptionExtras = {}): OptionSpec<boolean, true> {
  return common(flags, help, extras);
}

/** A `--no-x` switch that stands for itself (key noX), beside an option --x it does not negate. */
export function literalNoFlag(flags: string, help: string, extras: OptionExtras = {}): OptionSpec<boolean, false> {
  return { ...common(flags, help, extras), literalNo: true };
}

type Parsed<Value> = OptionExtras & { parse: Parser<Value> };
type Mandatory = { mandatory: true };
type Defaulted<Value> = { default: Value; defaultHelp?: string };

/**
 * An option with a value: a string, or what `parse` makes of it (never
 * undefined when it is mandatory or has a default).
 */
export function option<Value>(flags: string, help: string, extras: Parsed<Value> & Mandatory): OptionSpec<Value, true>;
export function option<Value>(flags: string, help: string, extras: Parsed<Value> & Defaulted<Value>): OptionSpec<Value, true>;
export function option<Value>(flags: string, help: string, extras: Parsed<Value>): OptionSpec<Value, false>;
export function option(flags: string, help: string, extras: OptionExtras & Mandatory): OptionSpec<string, true>;
export function option(flags: string, help: string, extras: OptionExtras & Defaulted<string>): OptionSpec<string, true>;
export function option(flags: string, help: string, extras?: OptionExtras): OptionSpec<string, false>;
export function option(
  flags: string,
  help: string,
  extras: OptionExtras & { parse?: Parser<unknown>; mandatory?: true; default?: unknown; defaultHelp?: string } = {},
): OptionSpec {
  return {
    ...common(flags, help, extras),
    parse: extras.parse,
    mandatory: extras.mandatory,
    default: 'default' in extras ? { value: extras.default, help: extras.defaultHelp } : undefined,
  };
}

/** An option that takes one of `choices`. */
export function choice<const Choices extends readonly string[]>(
  flags: string,
  help: string,
  choices: Choices,
  extras: OptionExtras & { default: Choices[number] },
): OptionSpec<Choices[number], true>;
export function choice<const Choices extends readonly string[]>(flags: string, help: string, choices: Choices, extras?: OptionExtras): OptionSpec<Choices[number], false>;
export function choice(flags: string, help: string, choices: readonly string[], extras: OptionExtras & { default?: string } = {}): OptionSpec<string> {
  return { ...common(flags, help, extras), choices, default: extras.default === undefined ? undefined : { value: extras.default } };
}

/** An option given any number of times: every value, in order (each through `parse` when given). */
export function repeatable<Value>(flags: string, help: string, extras: OptionExtras & { parse: (value: string) => Value }): OptionSpec<Value[], false>;
export function repeatable(flags: string, help: string, extras?: OptionExtras): OptionSpec<string[], false>;
export function repeatable(flags: string, help: string, extras: OptionExtras & { parse?: (value: string) => unknown } = {}): OptionSpec<unknown[], false> {
  const parse = extras.parse ?? ((value: string) => value);
  return { ...common(flags, help, extras), parse: (value, previous) => [...(previous ?? []), parse(value)] };
}

function common<Value, Always extends boolean>(flags: string, help: string, extras: OptionExtras): OptionSpec<Value, Always> {
  const { conflicts, needs, hidden, since, change } = extras;
  return {
    flags,
    help,
    conflicts: conflicts === undefined ? undefined : typeof conflicts === 'string' ? [conflicts] : conflicts,
    needs,
    hidden,
    since: typeof since === 'string' ? { version: since, feature: longFlagOf(flags) } : since,
    change: change === true ? longFlagOf(flags) : change,
  };
}

/** '-n, --name <volume>' → '--name'. */
export function longFlagOf(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

/** Help text with its minimum microversion, in one form everywhere: "(API 3.43+)", or "; API 3.43+" inside a closing parenthesis. */
export function withMinMicroversion(text: string, version: string | undefined): string {
  if (version === undefined) return text;
  return text.endsWith(')') ? `${text.slice(0, -1)}; API ${version}+)` : `${text} (API ${version}+)`;
}

/** The Commander options of one declaration (two for a negatable switch). */
export function commanderOptions(spec: OptionSpec): Option[] {
  const option = new Option(spec.flags, withMinMicroversion(spec.help, spec.since?.version));
  if (spec.literalNo) option.negate = false;
  if (spec.parse) option.argParser(spec.parse);
  if (spec.choices) option.choices(spec.choices);
  if (spec.default) option.default(spec.default.value, spec.default.help);
  if (spec.conflicts) option.conflicts([...spec.conflicts]);
  if (spec.mandatory) option.makeOptionMandatory();
  if (spec.hidden) option.hideHelp();
  if (spec.negatable === undefined) return [option];
  const negative = new Option(`--no-${option.name()}`, withMinMicroversion(spec.negatable, spec.since?.version));
  if (spec.hidden) negative.hideHelp();
  return [option, negative];
}
