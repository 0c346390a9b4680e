import type { QuoteMode } from '../options.js';
import type { Cell } from '../result.js';
import { machineText, machineValue } from '../values.js';

/** cliff's csv formatter: a header row, then one row per item. */
export function formatCsv(columns: readonly string[], rows: Cell[][], quote: QuoteMode): string {
  const lines = [columns.map((name) => field(name, quote)), ...rows.map((row) => row.map((cell) => field(cell, quote)))];
  // os.linesep, as cliff writes it: a CR would end up in the last field of `IFS=, read`.
  return lines.map((cells) => `${cells.join(',')}\n`).join('');
}

function field(cell: Cell, quote: QuoteMode): string {
  const value = machineValue(cell);
  // Python's csv writes None as an empty field, and counts True/False as numbers.
  const text = value === null || value === undefined ? '' : machineText(cell);
  const needsQuotes = /[",\r\n]/.test(text);
  const numeric = typeof value === 'number' || typeof value === 'boolean';
  const quoted = quote === 'all' || (quote === 'nonnumeric' && !numeric) || (quote === 'minimal' && needsQuotes);
  if (quote === 'none') return text.replace(/([",\r\n\\])/g, '\\$1');
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}
