import { Option, type Command } from 'commander';
import {
  DEFAULT_OUTPUT,
  LIST_FORMATS,
  QUOTE_MODES,
  RECORD_FORMATS,
  SHOW_FORMATS,
  type OutputFormat,
  type OutputOptions,
  type QuoteMode,
} from '../output/options.js';
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
  } else if (kind === 'details') {
    command
      .addOption(new Option('--prefix <prefix>', 'prefix for shell variable names').default(''))
      .addOption(new Option('--raw', "print the resource as Cinder returns it (Cinder's field names) instead of the openstack client's fields"));
  }
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
  };
}
