import type { Cell } from '../result.js';
import { humanText, machineValue } from '../values.js';
import { isPlainAscii, renderAsciiTable } from './ascii-table.js';
import { fitTable } from './table-fit.js';

/**
 * Borders as the openstack client draws them: +---+ around, | between cells,
 * a rule under the header and none between rows (the empty mid chars).
 */
const ASCII_BORDERS = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '|',
  'right-mid': '',
  middle: '|',
};

interface TableStyle {
  color: boolean;
  /** Lists: numbers right-aligned, as cliff does; a show's Field/Value table is all left-aligned. */
  alignNumbersRight?: boolean;
  /** Fit to this many columns as cliff does (--max-width, --fit-width): long cells wrap, no column below `minWidth`; headers wrap too with `wrapHeaders`. */
  fit?: { width: number; minWidth: number; wrapHeaders?: boolean };
}

/**
 * Plain ASCII tables take the fast path; cli-table3 (loaded only then)
 * handles wide and combining characters.
 */
export async function formatTable(naturalHeaders: readonly string[], rows: Cell[][], style: TableStyle): Promise<string> {
  let headers = naturalHeaders;
  let cells = rows.map((row) => row.map(humanText));
  const chalk = style.color ? (await import('chalk')).default : undefined;
  const bold = (text: string) => (chalk ? chalk.bold(text) : text);
  const right = style.alignNumbersRight ? numberColumns(headers, rows) : [];
  const fitted = style.fit ? fitTable(headers, cells, style.fit.width, style.fit.minWidth, style.fit.wrapHeaders) : undefined;
  if (fitted) ({ headers, cells } = fitted);
  if (isPlainAscii(headers) && cells.every(isPlainAscii)) {
    return `${renderAsciiTable(headers, cells, bold, right, fitted?.widths)}\n`;
  }
  return formatWithCliTable3(headers, cells, bold, right, fitted?.widths);
}

/** cliff aligns a column right when its value in the first row is a number (int or float; not bool). */
function numberColumns(headers: readonly string[], rows: Cell[][]): boolean[] {
  const first = rows[0] ?? [];
  return headers.map((_, column) => typeof machineValue(first[column]) === 'number');
}

export async function formatWithCliTable3(
  headers: readonly string[],
  cells: readonly (readonly string[])[],
  decorateHeader: (text: string) => string = (text) => text,
  rightAligned: readonly boolean[] = [],
  fixedWidths?: readonly number[],
): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const table = new Table({
    head: headers.map(decorateHeader),
    ...(fixedWidths ? { colWidths: fixedWidths.map((width) => width + 2) } : {}),
    colAligns: headers.map((_, column) => (rightAligned[column] ? 'right' : 'left')),
    chars: ASCII_BORDERS,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of cells) table.push([...row]);
  // cli-table3 has no "rule under the header only" style: reuse the top rule.
  const lines = table.toString().split('\n');
  lines.splice(2, 0, lines[0]!);
  return `${lines.join('\n')}\n`;
}
