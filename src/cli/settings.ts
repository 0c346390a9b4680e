import { Option } from 'commander';
import type { AuthSettings } from '../auth/select.js';
import type { Env } from '../env.js';
import { GLOBAL_OPTIONS, type GlobalOption } from './global-options.js';

type Row = (typeof GLOBAL_OPTIONS)[number];
type TakesValue = { flag: `${string} <${string}>` };

// Commander's attribute names, spelled out at the type level: '--os-auth-url <url>' → osAuthUrl, '--no-cache' → cache.
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type LongName<Flag extends string> = Flag extends `--${infer Name} ${string}` ? Name : Flag extends `--${infer Name}` ? Name : never;
type AttributeName<Flag extends string> = CamelCase<LongName<Flag> extends `no-${infer Name}` ? Name : LongName<Flag>>;

/** The global option values as Commander parsed them (camelCase names): a string for `<value>`, else a switch. */
type GlobalOptionValues = {
  [R in Row as AttributeName<R['flag']>]?: R extends TakesValue ? string : boolean;
};

/** Flattens an intersection so that it compares equal to the interface it spells out. */
type Flat<T> = { [K in keyof T]: T[K] };

/** A string setting stays unset (optional) unless given; a parsed one or a switch always has a value. */
type SettingFields<Rows extends Row> = Flat<
  { [R in Rows as R extends { parse: unknown } ? never : R extends TakesValue ? R['key'] : never]?: string } & {
    [R in Rows as R extends { parse: unknown } ? R['key'] : R extends TakesValue ? never : R['key']]: R extends {
      parse: (text: string | undefined) => infer Value;
    }
      ? Value
      : boolean;
  }
>;

/**
 * src/auth declares AuthSettings, the fields its plugins read, because auth
 * may not import cli (layers run commands → cli → auth). The table stays the
 * one source: tsc fails on the line below when its 'auth' rows and
 * AuthSettings disagree on a field or its type.
 */
type TableAuthSettings = SettingFields<Extract<Row, { group: 'auth' }>>;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
true satisfies Equal<TableAuthSettings, AuthSettings>;

export type Settings = SettingFields<Extract<Row, { group: 'general' }>> & { auth: TableAuthSettings };

/**
 * A flag wins over the row's variables (first one set), which win over the
 * row's own default. Empty variables count as unset, as in OSC; a switch's
 * variable turns it on with 1/true/yes/on.
 */
function resolveOption(row: GlobalOption, given: string | boolean | undefined, env: Env): unknown {
  const variable = row.env.map((name) => env[name]).find((value) => value);
  const option = new Option(row.flag);
  if (!option.required && !option.optional) {
    // Commander sets a negated switch (--no-cache) to false when given.
    const on = given === !option.negate || isTrue(variable);
    return option.negate ? !on : on;
  }
  const text = typeof given === 'string' && given !== '' ? given : variable;
  return row.parse ? row.parse(text) : text;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value);
}

export function resolveSettings(options: GlobalOptionValues, env: Env): Settings {
  const general: Record<string, unknown> = {};
  const auth: Record<string, unknown> = {};
  for (const row of GLOBAL_OPTIONS as readonly GlobalOption[]) {
    const given = (options as Record<string, string | boolean | undefined>)[new Option(row.flag).attributeName()];
    (row.group === 'auth' ? auth : general)[row.key] = resolveOption(row, given, env);
  }
  // The loop fills exactly the fields the table's types declare.
  return { ...general, auth } as Settings;
}

const DEBUG_ROW: GlobalOption = GLOBAL_OPTIONS.find((row) => row.key === 'debug')!;

/**
 * --debug / UCINDER_DEBUG, as resolveSettings decides it; main asks before
 * Commander parses, so that errors found while parsing get a stack trace too.
 */
export function debugRequested(argv: readonly string[], env: Env): boolean {
  return resolveOption(DEBUG_ROW, argv.includes(DEBUG_ROW.flag), env) as boolean;
}
