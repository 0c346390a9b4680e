import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Env } from '../env.js';
import { UsageError } from '../errors.js';
import { DEFAULT_OUTPUT, LIST_FORMATS, QUOTE_MODES, RECORD_FORMATS, SHOW_FORMATS, type OutputFormat, type OutputOptions, type QuoteMode } from '../output/options.js';
import { collect } from './option-parsers.js';

/**
 * 'record': the fields of something on this host rather than a Cinder
 * resource (a connection, a connected device): no --raw (there are no
 * Cinder field names behind it) and no shell format (nested values).
 */
export type OutputKind = 'listing' | 'details' | 'record' | 'none';

/** Adds cliff's output flags to a list or show command. */
export function addOutputOptions(command: Command, kind: OutputKind): void {
  if (kind === 'none') return;
  const formats = kind === 'listing' ? LIST_FORMATS : kind === 'record' ? RECORD_FORMATS : SHOW_FORMATS;
  command
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('table'))
    .addOption(new Option('-c, --column <name>', 'show only this column (repeatable)').argParser(collect))
    .addOption(new Option('--noindent', 'one-line JSON'));
  if (kind === 'listing') {
    command
      .addOption(new Option('--sort-column <name>', 'sort by this column (repeatable)').argParser(collect))
      .addOption(new Option('--sort-ascending', 'sort ascending (default)').conflicts('sortDescending'))
      .addOption(new Option('--sort-descending', 'sort descending'))
      .addOption(new Option('--quote <mode>', 'csv quoting').choices(QUOTE_MODES).default('nonnumeric'))
      .addOption(new Option('--print-empty', 'print an empty table when there is nothing to list'));
  } else {
    // cliff offers it on a show too, where a Field/Value table always has rows.
    command.addOption(new Option('--print-empty', 'accepted as openstack accepts it (a show always prints its fields)'));
  }
  addTableWidthOptions(command);
  if (kind === 'details') {
    command
      .addOption(new Option('--prefix <prefix>', 'prefix for shell variable names').default(''))
      .addOption(new Option('--raw', "print the resource as Cinder returns it (Cinder's field names) instead of the openstack client's fields"));
  }
}

/** cliff's table formatter options: fit a table to a width (what a wide `volume service list --long` needs on a terminal). */
function addTableWidthOptions(command: Command): void {
  command
    .addOption(new Option('--max-width <integer>', 'fit tables to this many columns, wrapping long cells; <1: do not fit [env: CLIFF_MAX_TERM_WIDTH]').argParser(integer))
    .addOption(new Option('--fit-width', 'fit tables to the terminal (the default on a terminal; never in a pipe unless --max-width) [env: CLIFF_FIT_WIDTH=1]'));
}

function integer(value: string): number {
  if (!/^[+-]?\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected an integer, got '${value}'.`);
  return Number.parseInt(value, 10);
}

interface OutputFlagValues {
  format?: string;
  column?: string[];
  noindent?: boolean;
  sortColumn?: string[];
  sortDescending?: boolean;
  quote?: string;
  prefix?: string;
  printEmpty?: boolean;
  raw?: boolean;
  maxWidth?: number;
  fitWidth?: boolean;
}

export function outputOptionsFrom(values: OutputFlagValues): OutputOptions {
  return {
    format: (values.format as OutputFormat | undefined) ?? DEFAULT_OUTPUT.format,
    columns: values.column ?? [],
    sortColumns: values.sortColumn ?? [],
    sortDescending: values.sortDescending === true,
    noIndent: values.noindent === true,
    quote: (values.quote as QuoteMode | undefined) ?? DEFAULT_OUTPUT.quote,
    prefix: values.prefix ?? '',
    printEmpty: values.printEmpty === true,
    raw: values.raw === true,
    maxWidth: values.maxWidth ?? 0,
    fitWidth: values.fitWidth === true ? true : undefined,
  };
}

/**
 * --max-width and --fit-width with cliff's variables under them
 * (CLIFF_MAX_TERM_WIDTH, CLIFF_FIT_WIDTH): a flag wins over its variable.
 * A width of 0 or less said on purpose, or CLIFF_FIT_WIDTH=0, turns
 * ucinder's fitting to the terminal off.
 */
export function withTableWidth(output: OutputOptions, values: OutputFlagValues, env: Env): OutputOptions {
  const maxWidth = values.maxWidth ?? integerVariable(env, 'CLIFF_MAX_TERM_WIDTH');
  const fitVariable = integerVariable(env, 'CLIFF_FIT_WIDTH');
  const fitWidth = values.fitWidth === true ? true : fitVariable !== undefined ? fitVariable !== 0 : maxWidth !== undefined ? false : undefined;
  return { ...output, maxWidth: maxWidth ?? 0, fitWidth };
}

function integerVariable(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^[+-]?\d+$/.test(value.trim())) throw new UsageError(`${name} must be an integer, got '${value}'`);
  return Number.parseInt(value, 10);
}
