import type { Value } from '../result.js';
import { formatCell } from '../values.js';

/**
 * Borders as the openstack client draws them: +---+ around, | between cells,
 * a rule under the header and none between rows (the empty mid chars).
 */
const ASCII_BORDERS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '|', 'right-mid': '', middle: '|',
};

export interface TableStyle {
  color: boolean;
}

/** cli-table3 is loaded only when a table is actually printed. */
export async function formatTable(headers: readonly string[], rows: Value[][], style: TableStyle): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const chalk = style.color ? (await import('chalk')).default : undefined;
  const table = new Table({
    head: headers.map((header) => (chalk ? chalk.bold(header) : header)),
    chars: ASCII_BORDERS,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of rows) table.push(row.map(formatCell));
  // cli-table3 has no "rule under the header only" style: reuse the top rule.
  const lines = table.toString().split('\n');
  lines.splice(2, 0, lines[0]!);
  return `${lines.join('\n')}\n`;
}
