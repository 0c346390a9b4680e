import type { Value } from '../result.js';
import { formatValue } from '../values.js';

/**
 * cliff's shell formatter, safe for `eval`: name="value" lines, names made
 * into valid identifiers, and ", $, ` and \ escaped in values.
 */
export function formatShell(fields: Record<string, Value>, prefix: string): string {
  return Object.entries(fields)
    .map(([name, value]) => `${prefix}${identifier(name)}="${escape(formatValue(value))}"\n`)
    .join('');
}

function identifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

function escape(text: string): string {
  return text.replace(/(["$`\\])/g, '\\$1');
}
