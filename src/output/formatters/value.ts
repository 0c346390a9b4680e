import type { Value } from '../result.js';
import { formatValue } from '../values.js';

/** cliff's value formatter: values only, space-separated, one row per line. */
export function formatValueRows(rows: Value[][]): string {
  return rows.map((row) => `${row.map(formatValue).join(' ')}\n`).join('');
}
