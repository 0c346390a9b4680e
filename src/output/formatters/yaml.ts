import type { Value } from '../result.js';
import { emitYaml, type YamlNode } from './pyyaml-emitter.js';

/**
 * `-f yaml` as the openstack client writes it: cliff's YAML formatter calls
 * `yaml.safe_dump(data, stream=stdout, default_flow_style=False)` (PyYAML,
 * cliff/formatters/yaml_format.py) — for a listing once, on the list of
 * rows; for one resource once per field. So every mapping's keys are sorted
 * (safe_dump's sort_keys), except a resource's own fields, which keep the
 * order they are printed in (formatYamlFields).
 *
 * The `yaml` package cannot be set up to write the same bytes: it writes
 * non-ASCII raw where PyYAML (allow_unicode off) escapes it (`"M\xFCnchen"`),
 * quotes `y`/`n`/`1e3`, writes multi-line text as a block scalar where
 * PyYAML single-quotes it, and folds long lines elsewhere. Hence a port of
 * PyYAML's emitter (pyyaml-emitter.ts), proven against PyYAML itself by
 * test/integration/parity/yaml-pyyaml.test.ts.
 */
export function formatYaml(data: Value): string {
  return emitYaml(represent(data));
}

/** One safe_dump per field, in the order given (cliff's emit_one). */
export function formatYamlFields(fields: [string, Value][]): string {
  return fields.map(([name, value]) => emitYaml({ kind: 'mapping', pairs: [[string(name), represent(value)]] })).join('');
}

/** SafeRepresenter for JSON-shaped data. */
function represent(value: Value): YamlNode {
  if (value === null || value === undefined) return { kind: 'scalar', text: 'null', isString: false };
  if (typeof value === 'string') return string(value);
  if (typeof value === 'boolean') return { kind: 'scalar', text: value ? 'true' : 'false', isString: false };
  if (typeof value === 'number') return { kind: 'scalar', text: pythonNumber(value), isString: false };
  if (Array.isArray(value)) return { kind: 'sequence', items: value.map(represent) };
  const keys = Object.keys(value).sort(compareCodePoints);
  return { kind: 'mapping', pairs: keys.map((key) => [string(key), represent(value[key])]) };
}

function string(text: string): YamlNode {
  return { kind: 'scalar', text, isString: true };
}

/**
 * A JSON number as Python's json module reads it and PyYAML writes it: an
 * integer written without an exponent is an int (str()), anything else a
 * float (represent_float: repr(), lower case, `.0` before a bare exponent,
 * `.inf`/`.nan`). (`1.0` in JSON is already 1 here: an int, where Python
 * would keep a float; Cinder's numbers are integers.)
 */
function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  const text = String(value);
  if (Number.isInteger(value) && !text.includes('e')) return text;
  const repr = pythonFloatRepr(value);
  return !repr.includes('.') && repr.includes('e') ? repr.replace('e', '.0e') : repr;
}

/**
 * Python's repr() of a float: the shortest digits that read back the same
 * (as JavaScript's), written with an exponent when it is below -4 or from
 * 16 up (`1e-05`, `1e+16`), otherwise in full with at least one decimal.
 */
function pythonFloatRepr(value: number): string {
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const shown = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${shown}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}

/**
 * Python sorts str by code point; JavaScript's < compares UTF-16 units,
 * which puts U+E000..U+FFFF after the surrogate pairs of U+10000 and up.
 * Shifting the units restores code point order.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
