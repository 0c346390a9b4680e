import type { Value } from '../result.js';

/**
 * cliff's json formatter, byte for byte: Python's json.dump with indent 2, or
 * on one line with --noindent (Python's separators ", " and ": "), non-ASCII
 * escaped as \uXXXX (ensure_ascii), a newline at the end.
 */
export function formatJson(data: Value, noIndent: boolean): string {
  return `${pythonJson(data ?? null, noIndent ? undefined : 2, 0)}\n`;
}

/** One element of a list printed on its own (streaming listings): at the list's first level of indentation. */
export function formatJsonItem(data: Value, noIndent: boolean): string {
  return noIndent ? pythonJson(data, undefined, 0) : `  ${pythonJson(data, 2, 1)}`;
}

function pythonJson(value: Value, indent: number | undefined, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return asciiJsonString(value);
  if (typeof value !== 'object') return JSON.stringify(value);
  const entries: string[] = Array.isArray(value)
    ? value.map((item) => pythonJson(item, indent, depth + 1))
    : Object.entries(value).map(([key, inner]) => `${asciiJsonString(key)}: ${pythonJson(inner, indent, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  if (indent === undefined) return `${open}${entries.join(', ')}${close}`;
  const inner = ' '.repeat(indent * (depth + 1));
  return `${open}\n${inner}${entries.join(`,\n${inner}`)}\n${' '.repeat(indent * depth)}${close}`;
}

function asciiJsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
