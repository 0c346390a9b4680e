import type { Value } from '../result.js';

/**
 * A small YAML emitter for the plain data ucinder prints (strings, numbers,
 * booleans, null, lists, maps). Strings are quoted whenever a YAML parser
 * could read them as something else.
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
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return entries
      .map(([key, inner]) => {
        const name = scalar(key);
        return isBlock(inner) ? `${pad}${name}:\n${emit(inner, indent + 2)}` : `${pad}${name}: ${emit(inner, indent + 2)}`;
      })
      .join('\n');
  }
  return scalar(value);
}

function isBlock(value: Value): boolean {
  return (Array.isArray(value) && value.length > 0) || (!!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0);
}

const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_ ./@#:+-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

function scalar(value: Value): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  const plain = PLAIN_SAFE.test(text) && !RESERVED.test(text) && !text.includes(': ') && !text.includes(' #') && !text.endsWith(' ') && !text.endsWith(':');
  // JSON escapes C0 controls only; YAML also forbids DEL, C1 controls and BOM raw, and reads U+2028/9 as line breaks.
  return plain ? text : JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
