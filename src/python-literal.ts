/**
 * Python's repr() of JSON-like values ({'k': 'v'}, ['a', 1], None, True).
 * Two layers need the same text: the printers, because cliff shows a dict or
 * a list the way Python writes it (and scripts parse openstack's `-f value`
 * of one), and the API client, because Cinder reads some filters (a volume
 * listing's metadata) with Python's ast.literal_eval, as cinderclient sends them.
 */
type PythonValue = string | number | boolean | null | undefined | PythonValue[] | { [key: string]: PythonValue };

export function pythonRepr(value: PythonValue): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quoteLikePython(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, inner]) => `${quoteLikePython(key)}: ${pythonRepr(inner)}`)
    .join(', ')}}`;
}

/** repr() of a str: single quotes unless the text has one and no double quote. */
function quoteLikePython(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\' || char === quote) out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${quote}${out}${quote}`;
}
