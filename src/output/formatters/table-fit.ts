import { wrapText } from './text-wrap.js';

/**
 * Fitting a table to a width the way cliff's table formatter does
 * (cliff/formatters/table.py, _assign_max_widths) with prettytable's
 * max_width: when the table's first line is wider than `width`, columns
 * wider than an equal share are capped (never below `minWidth`: 8 for lists,
 * 16 for a show's Field/Value table), and a cell line longer than its
 * column is wrapped by Python's textwrap rules. Columns keep at least their
 * header's width, so a table of many columns may still overflow, as
 * openstack's does.
 */
interface FittedTable {
  /** The headers (wrapped only with `wrapHeaders`). */
  headers: string[];
  /** The cells with long lines wrapped. */
  cells: string[][];
  /** Every column's content width (prettytable pads each to it). */
  widths: number[];
}

/**
 * `wrapHeaders`: ucinder's own fitting to a terminal, beyond cliff's (a
 * dozen long headers alone are wider than 120 columns): headers wrap between
 * their words like cells, and the widest column gives up a character at a
 * time, none below its header's longest word (or `minWidth`), so short
 * columns keep their words whole where cliff's equal shares cut them.
 */
export function fitTable(headers: readonly string[], cells: readonly (readonly string[])[], width: number, minWidth: number, wrapHeaders = false): FittedTable | undefined {
  const natural = headers.map((header) => longestLine(header));
  for (const row of cells) for (let column = 0; column < natural.length; column++) natural[column] = Math.max(natural[column]!, longestLine(row[column] ?? ''));
  const firstLineLength = natural.reduce((total, columnWidth) => total + columnWidth + 3, 1);
  if (headers.length === 0 || firstLineLength <= width) return undefined;
  const caps = wrapHeaders ? widestFirstCaps(natural, headers, width, minWidth) : columnCaps(natural, width, minWidth);
  const widths = headers.map((header, column) => {
    let columnWidth = wrapHeaders ? Math.min(longestLine(header), caps[column] ?? Infinity) : longestLine(header);
    for (const row of cells) columnWidth = Math.max(columnWidth, Math.min(longestLine(row[column] ?? ''), caps[column] ?? Infinity));
    return columnWidth;
  });
  const wrap = (cell: string, column: number) =>
    cell
      .split('\n')
      .map((line) => (line.length > widths[column]! ? wrapText(line, widths[column]!).join('\n') : line))
      .join('\n');
  return { headers: headers.map(wrap), cells: cells.map((row) => row.map(wrap)), widths };
}

/** cliff's _assign_max_widths: the cap of each column (undefined: left alone). */
function columnCaps(natural: readonly number[], width: number, minWidth: number): (number | undefined)[] {
  const usable = Math.max(0, width - 1 - 3 * natural.length);
  const optimal = Math.max(0, Math.floor(usable / natural.length));
  const shrink = natural.flatMap((columnWidth, column) => (columnWidth > optimal ? [column] : []));
  let remaining = usable - natural.reduce((total, columnWidth) => total + (columnWidth > optimal ? 0 : columnWidth), 0);
  const caps: (number | undefined)[] = natural.map(() => undefined);
  if (shrink.length === 0) return caps;
  const shrinkTo = Math.floor(remaining / shrink.length);
  for (const column of shrink.slice(0, -1)) {
    caps[column] = Math.max(minWidth, shrinkTo);
    remaining -= shrinkTo;
  }
  caps[shrink[shrink.length - 1]!] = Math.max(minWidth, remaining);
  return caps;
}

/** Narrows the widest column one character at a time until the table fits, none below its floor. */
function widestFirstCaps(natural: readonly number[], headers: readonly string[], width: number, minWidth: number): number[] {
  const floors = natural.map((columnWidth, column) => Math.min(columnWidth, Math.max(minWidth, ...headers[column]!.split(/\s+/).map((word) => word.length))));
  const widths = [...natural];
  let total = widths.reduce((sum, columnWidth) => sum + columnWidth + 3, 1);
  while (total > width) {
    let widest = -1;
    for (let column = 0; column < widths.length; column++) {
      if (widths[column]! > floors[column]! && (widest < 0 || widths[column]! > widths[widest]!)) widest = column;
    }
    if (widest < 0) break;
    widths[widest]!--;
    total--;
  }
  return widths;
}

function longestLine(cell: string): number {
  let longest = 0;
  for (const line of cell.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}
