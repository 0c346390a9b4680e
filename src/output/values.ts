import type { Value } from './result.js';

/**
 * A value as one line of text, the way the openstack client shows it in
 * table, value and shell output: dicts as k='v' pairs, lists joined by
 * commas, None for a missing value.
 */
export function formatValue(value: Value): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return Object.entries(value)
    .map(([key, inner]) => `${key}='${formatValue(inner)}'`)
    .join(', ');
}

/** For tables: like formatValue, but a dict shows one pair per line. */
export function formatCell(value: Value): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, inner]) => `${key}='${formatValue(inner)}'`)
      .join('\n');
  }
  return formatValue(value);
}
