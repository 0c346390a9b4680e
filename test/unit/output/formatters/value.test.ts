import { describe, expect, it } from 'vitest';
import { dictColumn, listColumn } from '../../../../src/output/columns.js';
import { formatValueRows } from '../../../../src/output/formatters/value.js';

describe('value formatter', () => {
  it("prints Python's str() of each value, space separated, one row per line, like the openstack client", () => {
    // What cliff prints for the same Python values (checked with python3: ' '.join(str(c) for c in row)).
    expect(
      formatValueRows([
        ['a', 1, true, null],
        ['b', 2, false, { k: 'v', n: 1 }],
        ['c', 3, ['x', 'y'], undefined],
      ]),
    ).toBe("a 1 True None\nb 2 False {'k': 'v', 'n': 1}\nc 3 ['x', 'y'] None\n");
  });

  it('prints the machine form of formatted columns, as cliff does', () => {
    expect(formatValueRows([[dictColumn({ b: '2', a: '1' }), listColumn(['y', 'x'])]])).toBe("{'b': '2', 'a': '1'} ['y', 'x']\n");
  });

  it('prints nothing for no rows', () => {
    expect(formatValueRows([])).toBe('');
  });
});
