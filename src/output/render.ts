import { UsageError } from '../errors.js';
import { formatCsv } from './formatters/csv.js';
import { formatJson, formatJsonItem } from './formatters/json.js';
import { formatShell } from './formatters/shell.js';
import { formatTable } from './formatters/table.js';
import { formatValueRows } from './formatters/value.js';
import { formatYaml, formatYamlFields } from './formatters/yaml.js';
import type { IOStreams } from './iostreams.js';
import { tableFitWidth, type OutputOptions } from './options.js';
import { listing as makeListing, type CommandResult, type Details, type Listing, type StreamingListing, type Cell, type Value } from './result.js';
import { machineValue } from './values.js';

/** Prints a command's result on stdout in the format the user asked for. */
export async function printResult(io: IOStreams, result: CommandResult, options: OutputOptions): Promise<void> {
  if (result.kind === 'none') return;
  if (result.kind === 'text') {
    io.stdout.write(result.lines.map((line) => `${line}\n`).join(''));
    return;
  }
  if (result.kind === 'stream') return printStream(io, result, options);
  const text = result.kind === 'listing' ? await renderListing(result, options, io) : await renderDetails(result, options, io);
  if (text) io.stdout.write(text);
}

/** What rendering reads of the terminal: colour, and the width a table is fitted to. */
type Terminal = Pick<IOStreams, 'colorEnabled'> & Partial<Pick<IOStreams, 'stdoutIsTTY' | 'columns'>>;

/** cliff's narrowest column when fitting: 8 in a list, 16 in a show's Field/Value table (to keep the field names readable). */
const LIST_MIN_WIDTH = 8;
const DETAILS_MIN_WIDTH = 16;
/**
 * ucinder's own fitting to a terminal (nobody asked for cliff's) goes
 * further in a list: headers wrap and columns narrow to 6, so that a dozen
 * columns (`volume service list --long`, ~180 wide) fit 120.
 */
const TERMINAL_LIST_MIN_WIDTH = 6;

function tableFit(options: OutputOptions, io: Terminal | undefined, minWidth: number): { width: number; minWidth: number; wrapHeaders: boolean } | undefined {
  const width = tableFitWidth(options, io);
  if (width === undefined) return undefined;
  const ucindersOwn = options.maxWidth <= 0 && options.fitWidth === undefined;
  return ucindersOwn && minWidth === LIST_MIN_WIDTH ? { width, minWidth: TERMINAL_LIST_MIN_WIDTH, wrapHeaders: true } : { width, minWidth, wrapHeaders: false };
}

export async function renderListing(listing: Listing, options: OutputOptions, io?: Terminal): Promise<string> {
  const selected = selectColumns(listing.columns, options.columns, 'column');
  // Sort before selecting, as cliff does: `-c ID --sort-column Name` is fine.
  const rows = sortRows(listing.rows, listing.columns, options).map((row) => selected.map((index) => row[index]));
  const headers = selected.map((index) => listing.columns[index]!);
  switch (options.format) {
    case 'json':
      return formatJson(
        rows.map((row) => record(headers, row)),
        options.noIndent,
      );
    case 'yaml':
      return formatYaml(rows.map((row) => record(headers, row)));
    case 'csv':
      return formatCsv(headers, rows, options.quote);
    case 'value':
      return formatValueRows(rows);
    case 'table':
      if (rows.length === 0 && !options.printEmpty) return '';
      return formatTable(headers, rows, { color: io?.colorEnabled ?? false, alignNumbersRight: true, fit: tableFit(options, io, LIST_MIN_WIDTH) });
    default:
      throw new UsageError(`format '${options.format}' is not available for lists: use table, json, yaml, value or csv`);
  }
}

/**
 * json, yaml, value and csv are written page by page, byte for byte what the
 * whole listing would print. A table needs every row for its column widths
 * and --sort-column needs every row to sort: then only the projected rows are
 * kept (a few short values per row, not the API's objects).
 */
async function printStream(io: IOStreams, stream: StreamingListing, options: OutputOptions): Promise<void> {
  const selected = selectColumns(stream.columns, options.columns, 'column');
  if (options.format === 'table' || options.sortColumns.length > 0) {
    const rows: Cell[][] = [];
    for await (const page of stream.pages) for (const row of page) rows.push(row);
    return printResult(io, makeListing(stream.columns, rows), options);
  }
  const headers = selected.map((index) => stream.columns[index]!);
  const project = (rows: Cell[][]) => rows.map((row) => selected.map((index) => row[index]));
  const records = (rows: Cell[][]) => project(rows).map((row) => record(headers, row));
  const csvHeader = options.format === 'csv' ? formatCsv(headers, [], options.quote) : '';
  let count = 0;
  if (csvHeader) await writeChunk(io, csvHeader);
  for await (const page of stream.pages) {
    if (page.length === 0) continue;
    const first = count === 0;
    count += page.length;
    switch (options.format) {
      case 'json': {
        const items = records(page).map((record) => formatJsonItem(record, options.noIndent));
        await writeChunk(io, `${first ? '[' : options.noIndent ? ', ' : ','}${options.noIndent ? '' : '\n'}${items.join(options.noIndent ? ', ' : ',\n')}`);
        break;
      }
      case 'yaml':
        await writeChunk(io, formatYaml(records(page)));
        break;
      case 'csv':
        await writeChunk(io, formatCsv(headers, project(page), options.quote).slice(csvHeader.length));
        break;
      case 'value':
        await writeChunk(io, formatValueRows(project(page)));
        break;
      default:
        throw new UsageError(`format '${options.format}' is not available for lists: use table, json, yaml, value or csv`);
    }
  }
  if (options.format === 'json') await writeChunk(io, count === 0 ? '[]\n' : `${options.noIndent ? '' : '\n'}]\n`);
  if (options.format === 'yaml' && count === 0) await writeChunk(io, formatYaml([]));
}

/** One row as json/yaml print it: keyed by the headers, machine values, null for nothing. */
function record(headers: readonly string[], row: Cell[]): Record<string, Value> {
  return Object.fromEntries(headers.map((name, i) => [name, machineValue(row[i]) ?? null]));
}

/** Waits for a full pipe to drain, so a slow reader cannot make us buffer the whole listing. */
async function writeChunk(io: IOStreams, text: string): Promise<void> {
  const sink = io.stdout as IOStreams['stdout'] & { once?: (event: 'drain', listener: () => void) => unknown };
  if (sink.write(text) === false && typeof sink.once === 'function') {
    await new Promise<void>((resolve) => sink.once!('drain', resolve));
  }
}

export async function renderDetails(details: Details, options: OutputOptions, io?: Terminal): Promise<string> {
  const raw = options.raw && details.raw !== undefined;
  const source: Record<string, Cell> = raw ? details.raw! : details.fields;
  const names = raw ? Object.keys(source).sort() : detailsFieldNames(details);
  const selected = options.columns.length ? selectColumns(names, options.columns, 'field').map((index) => names[index]!) : names;
  const fields: Record<string, Cell> = {};
  for (const name of selected) fields[name] = source[name];
  const data = () => Object.fromEntries(selected.map((name) => [name, machineValue(fields[name]) ?? null]));
  switch (options.format) {
    case 'json':
      return formatJson(data(), options.noIndent);
    case 'yaml':
      // cliff dumps a resource field by field, in the order it prints them.
      return formatYamlFields(selected.map((name) => [name, machineValue(fields[name]) ?? null]));
    case 'shell':
      return formatShell(fields, options.prefix);
    case 'value':
      return formatValueRows(selected.map((name) => [fields[name]]));
    case 'table':
      return formatTable(
        ['Field', 'Value'],
        selected.flatMap((name) => tableRows(details, name, fields[name])),
        {
          color: io?.colorEnabled ?? false,
          fit: tableFit(options, io, DETAILS_MIN_WIDTH),
        },
      );
    default:
      throw new UsageError(`format '${options.format}' is not available here: use table, json, yaml, value or shell`);
  }
}

/** One row per field; a field the details mark `expanded` gives one row per key of its mapping. */
function tableRows(details: Details, name: string, cell: Cell): Cell[][] {
  const value = machineValue(cell);
  if (!details.expanded?.includes(name) || value === null || typeof value !== 'object' || Array.isArray(value)) return [[name, cell]];
  return Object.entries(value).map(([key, inner]) => [`${name}.${key}`, inner]);
}

/** A details result's field names in the order a table of it shows them: sorted, unless it keeps its own order. */
export function detailsFieldNames(details: Details): string[] {
  return details.ordered ? Object.keys(details.fields) : Object.keys(details.fields).sort();
}

/**
 * Indexes of the -c columns in `available`, in the table's order whatever
 * the order on the command line (as cliff does, so `-c Status -c ID` prints
 * ID first); every requested name must exist.
 */
export function selectColumns(available: readonly string[], requested: string[], what: string): number[] {
  if (requested.length === 0) return available.map((_, index) => index);
  const indexes = new Set(requestedIndexes(available, requested, what));
  return available.map((_, index) => index).filter((index) => indexes.has(index));
}

/** Indexes of the requested columns in the order given (sort keys keep theirs). */
function requestedIndexes(available: readonly string[], requested: string[], what: string): number[] {
  return requested.map((name) => {
    const index = findColumn(available, name);
    if (index < 0) {
      throw new UsageError(`unknown ${what} '${name}': choose from ${available.map((n) => `'${n}'`).join(', ')}`);
    }
    return index;
  });
}

/** Exact match first, then case-insensitive (so `-c status` finds "Status"). */
function findColumn(available: readonly string[], name: string): number {
  const exact = available.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return available.findIndex((candidate) => candidate.toLowerCase() === lower);
}

function sortRows(rows: Cell[][], headers: readonly string[], options: OutputOptions): Cell[][] {
  if (options.sortColumns.length === 0) return rows;
  const keys = requestedIndexes(headers, options.sortColumns, 'sort column');
  const direction = options.sortDescending ? -1 : 1;
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const order = compareValues(machineValue(a[key]), machineValue(b[key]));
      if (order !== 0) return order * direction;
    }
    return 0;
  });
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  return String(a).localeCompare(String(b));
}
