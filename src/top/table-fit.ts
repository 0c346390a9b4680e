import type { Column } from './view.js';

/**
 * Fitting a table to the terminal's width: each column as wide as its
 * widest cell; when that is too wide, the last columns are left out until
 * the rest fit at a readable width, and the widest of those are cut first.
 * Cells are then cut (with …) and padded to exactly their width, so the
 * table code draws the same widths whichever rows are on screen.
 */

/** Borders of a table drawn by renderAsciiTable: `| a | b |` is 3 per column plus 1. */
export function tableWidth(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width + 3, 1);
}

/**
 * A column is not cut below this (or its header, or its minWidth): when the
 * columns do not fit at that, the last ones are left out instead. So the
 * columns of a table go in order of importance; Enter shows every field.
 */
const COMFORTABLE_WIDTH = 10;

export interface FittedColumns {
  /** The columns shown, by index into the section's columns. */
  shown: number[];
  /** Their widths, in the same order. */
  widths: number[];
}

export function fitColumns(columns: readonly Column[], rows: readonly (readonly string[])[], available: number): FittedColumns {
  const natural = columns.map((column, index) => {
    let width = textWidth(column.header);
    for (const row of rows) width = Math.max(width, textWidth(row[index] ?? ''));
    return width;
  });
  const floor = columns.map((column, index) => Math.min(natural[index]!, Math.max(column.minWidth ?? 0, textWidth(column.header), COMFORTABLE_WIDTH)));
  const shown = columns.map((_, index) => index);
  while (shown.length > 1 && tableWidth(shown.map((index) => floor[index]!)) > available) shown.pop();
  const widths = shown.map((index) => natural[index]!);
  while (tableWidth(widths) > available) {
    // The widest column that may still shrink gives way, down to the next widest, so wide columns end up alike.
    let widest = -1;
    let runnerUp = 0;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! <= floor[shown[i]!]!) continue;
      if (widest < 0 || widths[i]! > widths[widest]!) {
        if (widest >= 0) runnerUp = Math.max(runnerUp, widths[widest]!);
        widest = i;
      } else {
        runnerUp = Math.max(runnerUp, widths[i]!);
      }
    }
    if (widest < 0) break;
    const step = Math.max(1, Math.min(tableWidth(widths) - available, widths[widest]! - runnerUp));
    widths[widest] = Math.max(floor[shown[widest]!]!, widths[widest]! - step);
  }
  return { shown, widths };
}

/** A cell cut to `width` (ending in … when cut) and padded to it; numbers to the right. */
export function fitCell(text: string, width: number, alignRight = false): string {
  const chars = [...text];
  const cut = chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text;
  const pad = ' '.repeat(Math.max(0, width - textWidth(cut)));
  return alignRight ? `${pad}${cut}` : `${cut}${pad}`;
}

/**
 * What a terminal must never be sent from a server's data: control
 * characters (an escape sequence in a volume's name would drive the
 * terminal). Line breaks become spaces: a row is one line.
 */
export function printable(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** Columns a text takes, counting one per character (wide CJK characters are not measured apart). */
export function textWidth(text: string): number {
  let width = 0;
  for (const _ of text) width++;
  return width;
}
