/**
 * What a command returns. Commands never format their own output; the
 * printers in formatters/ turn these into table, json, yaml, value, csv or
 * shell text.
 */
export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** Marks formatted cells; a symbol, so no API field can be mistaken for one. */
export const FORMATTED = Symbol('formatted');

/**
 * A value with two faces, as the openstack client's formattable columns
 * (see columns.ts): what a table shows, and the data behind it.
 */
export interface Formatted {
  readonly [FORMATTED]: true;
  readonly human: string;
  readonly machine: Value;
}

/** What a listing row or a details field holds. */
export type Cell = Value | Formatted;

/** Rows under named columns (a `list` command). JSON keys are the column headers. */
export interface Listing {
  kind: 'listing';
  columns: readonly string[];
  rows: Cell[][];
}

/**
 * One resource's fields (a `show`/`create` command), keyed as the openstack
 * client keys them; `raw` is the resource under Cinder's own field names,
 * printed instead with --raw.
 */
export interface Details {
  kind: 'details';
  fields: Record<string, Cell>;
  raw?: Record<string, Value>;
  /**
   * Print `fields` in the order given rather than sorted by name: most
   * openstack show commands sort their keys, a few (block storage cluster
   * show) print a fixed list of headers in their own order.
   */
  ordered?: boolean;
  /**
   * Fields holding a mapping (a connection's `data`) that a table prints one
   * row per key ("data.target_iqn"), as json and yaml keep them nested.
   */
  expanded?: readonly string[];
}

/** Nothing to print (delete). */
export interface NoOutput {
  kind: 'none';
}

/**
 * Rows under named columns that arrive page by page (a large `list`). The
 * printers write each page as it comes when the format allows it, so memory
 * stays flat in the number of pages.
 */
export interface StreamingListing {
  kind: 'stream';
  columns: readonly string[];
  pages: AsyncIterable<Cell[][]>;
}

/**
 * Lines printed as they are, whatever -f says: text for another program to
 * run (a --dry-run's shell commands), where a table's borders would be in
 * the way of pasting.
 */
export interface TextLines {
  kind: 'text';
  lines: string[];
}

export type CommandResult = Listing | Details | NoOutput | StreamingListing | TextLines;

export function textLines(lines: string[]): TextLines {
  return { kind: 'text', lines };
}

export const NO_OUTPUT: NoOutput = { kind: 'none' };

export function listing(columns: readonly string[], rows: Cell[][]): Listing {
  return { kind: 'listing', columns, rows };
}

export function streamingListing(columns: readonly string[], pages: AsyncIterable<Cell[][]>): StreamingListing {
  return { kind: 'stream', columns, pages };
}

export function details(fields: Record<string, Cell>, raw?: Record<string, Value>): Details {
  return raw ? { kind: 'details', fields, raw } : { kind: 'details', fields };
}

/** A details result whose fields print in the order given (--raw still prints Cinder's fields sorted). */
export function orderedDetails(fields: Record<string, Cell>, raw?: Record<string, Value>): Details {
  return { ...details(fields, raw), ordered: true };
}
