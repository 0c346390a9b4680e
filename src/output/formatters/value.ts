import type { Cell } from '../result.js';
import { machineText } from '../values.js';

/** cliff's value formatter: Python's str() of each value, space-separated, one row per line. */
export function formatValueRows(rows: Cell[][]): string {
  return rows.map((row) => `${row.map(machineText).join(' ')}\n`).join('');
}
