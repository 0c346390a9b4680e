import type { Value } from '../result.js';

/**
 * A small YAML emitter for the plain data ucinder prints (strings, numbers,
 * booleans, null, lists, maps), in the layout of the openstack client's
 * `-f yaml` (PyYAML's safe_dump): keys sorted, a list under a key not
 * indented, single quotes. Strings are quoted whenever a YAML parser could
 * read them as something else.
 */
export function formatYaml(data: Value): string {
  return `${emit(data, 0)}\n`;
}

function emit(value: Value, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value
      .map((item) => {
        const inner = emit(item, indent + 2);
        return isBlock(item) ? `${pad}- ${inner.trimStart()}` : `${pad}- ${inner}`;
      })
      .join('\n');
  }
  if (value && typeof value === 'object') {
    // PyYAML sorts keys by code point (sort_keys=True), uppercase first.
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return '{}';
    return entries
      .map(([key, inner]) => {
        const name = scalar(key);
        if (!isBlock(inner)) return `${pad}${name}: ${emit(inner, indent + 2)}`;
        // A list under a key starts at the key's own column, as PyYAML writes it.
        return `${pad}${name}:\n${emit(inner, Array.isArray(inner) ? indent : indent + 2)}`;
      })
      .join('\n');
  }
  return scalar(value);
}

function isBlock(value: Value): boolean {
  return (Array.isArray(value) && value.length > 0) || (!!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0);
}

const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_ ./@#:+'-]*$/;
/** IDs that start with a digit (UUIDs, 0a1b-…): a dash keeps them from being numbers; YYYY-M-D would be a date. */
const PLAIN_DASHED = /^[0-9][0-9A-Za-z_]*-[0-9A-Za-z_-]*$/;
const DATE_LIKE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

function scalar(value: Value): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  const plain =
    ((PLAIN_SAFE.test(text) && !RESERVED.test(text) && !text.includes(': ') && !text.includes(' #') && !text.endsWith(' ') && !text.endsWith(':')) ||
      (PLAIN_DASHED.test(text) && !DATE_LIKE.test(text)));
  if (plain) return text;
  // Printable ASCII on one line: single quotes, as PyYAML writes them ('' for ').
  if (/^[\x20-\x7e]*$/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  // JSON escapes C0 controls only; YAML also forbids DEL, C1 controls and BOM raw, and reads U+2028/9 as line breaks.
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
