import type { Cell } from '../result.js';
import { machineText } from '../values.js';

/**
 * cliff's shell formatter, safe for `eval`: name="value" lines, names
 * lowercased as cliff does (`Down Hosts` becomes down_hosts) and made into
 * valid identifiers, and ", $, ` and \ escaped in values.
 */
export function formatShell(fields: Record<string, Cell>, prefix: string): string {
  return Object.entries(fields)
    .map(([name, value]) => `${prefix}${identifier(name)}="${escape(machineText(value))}"\n`)
    .join('');
}

function identifier(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

function escape(text: string): string {
  return text.replace(/(["$`\\])/g, '\\$1');
}
