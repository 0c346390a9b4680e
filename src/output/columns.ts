import { FORMATTED, type Formatted, type Value } from './result.js';
import { pythonStr } from './values.js';

/**
 * The openstack client's formattable columns (osc-lib format_columns): one
 * value, two faces. Tables show `human`; json/yaml keep `machine` as data;
 * value/csv/shell print Python's str() of `machine`.
 */
export function formatted(human: string, machine: Value): Formatted {
  return { [FORMATTED]: true, human, machine };
}

/** DictColumn: `a='1', b='2'` (keys sorted, nested keys dotted); machine: the dict ({} for none). */
export function dictColumn(value: Record<string, Value> | null | undefined): Formatted {
  return formatted(formatDict(value ?? {}), { ...(value ?? {}) });
}

/** ListColumn: sorted and comma-joined; machine: the list as it is. */
export function listColumn(value: Value[] | null | undefined): Formatted {
  const texts = (value ?? []).map(pythonStr).sort();
  return formatted(texts.join(', '), value ?? []);
}

/** osc-lib's format_dict. */
export function formatDict(value: Record<string, Value>, prefix?: string): string {
  return Object.keys(value)
    .sort()
    .map((key) => {
      const name = prefix ? `${prefix}.${key}` : key;
      const inner = value[key];
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) return formatDict(inner, name);
      return inner === null || inner === undefined ? `${name}=` : `${name}='${pythonStr(inner)}'`;
    })
    .join(', ');
}
