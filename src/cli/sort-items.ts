import { InvalidArgumentError } from 'commander';
import { UsageError } from '../errors.js';
import type { Value } from '../output/result.js';
import { pythonStr } from '../output/values.js';

/** One key of a `--sort key[:asc|desc],…` option. */
export interface SortKey {
  key: string;
  descending: boolean;
}

/** Commander parser for osc-lib's `--sort <key>[:<direction>],…` (directions asc, desc). */
export function sortKeys(value: string): SortKey[] {
  return value
    .trim()
    .split(',')
    .map((part) => {
      const [key, direction, ...rest] = part.split(':');
      if (!key) throw new InvalidArgumentError("'<empty string>' is not a valid sort key.");
      if (rest.length || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
        throw new InvalidArgumentError(`'${part.slice(key.length + 1) || '<empty string>'}' is not a valid sort direction for sort key ${key}, use 'asc' or 'desc' instead.`);
      }
      return { key, descending: direction === 'desc' };
    });
}

/**
 * osc-lib's sort_items with sort_type=str, as `image list --sort` uses it:
 * every value compares as Python's str() of it (so None sorts as "None" and
 * 10 before 9), key by key, each sort stable. A key no item has is an error,
 * as in osc-lib.
 */
export function sortItems<T extends Record<string, unknown>>(items: readonly T[], keys: readonly SortKey[]): T[] {
  let sorted = [...items];
  for (const { key, descending } of [...keys].reverse()) {
    if (sorted.length && !sorted.some((item) => key in item)) throw new UsageError(`Resource doesn't have field ${key}`);
    const text = (item: T) => pythonStr((item[key] ?? null) as Value);
    // Python's reverse=True keeps equal items in their order, as this does.
    sorted = sorted.sort((a, b) => compareText(text(a), text(b)) * (descending ? -1 : 1));
  }
  return sorted;
}

/** Python compares str by code point; so does this (not by locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
