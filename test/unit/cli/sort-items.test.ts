import { describe, expect, it } from 'vitest';
import { sortItems, sortKeys } from '../../../src/cli/sort-items.js';

describe("osc-lib's sort_items (image list --sort)", () => {
  it('parses key[:direction],… and rejects what osc-lib rejects', () => {
    expect(sortKeys('name')).toEqual([{ key: 'name', descending: false }]);
    expect(sortKeys('size:desc,name:asc')).toEqual([
      { key: 'size', descending: true },
      { key: 'name', descending: false },
    ]);
    expect(() => sortKeys('name:')).toThrow("'<empty string>' is not a valid sort direction for sort key name");
    expect(() => sortKeys(':asc')).toThrow('not a valid sort key');
  });

  it('compares str() of the values, so 10 sorts before 9 and None as "None"; equal items keep their order', () => {
    const items = [
      { id: 'a', size: 9 },
      { id: 'b', size: 10 },
      { id: 'c', size: null },
      { id: 'd', size: 10 },
    ];
    expect(sortItems(items, sortKeys('size')).map((item) => item.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(sortItems(items, sortKeys('size:desc')).map((item) => item.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
