import { describe, expect, it } from 'vitest';
import { formatValueRows } from '../../../../src/output/formatters/value.js';

describe('value formatter', () => {
  it('prints values only, space separated, one row per line, like the openstack client', () => {
    expect(formatValueRows([['a', 1, true, null], ['b', 2, false, { k: 'v', n: 1 }], ['c', 3, ['x', 'y'], undefined]])).toBe(
      "a 1 True None\nb 2 False k='v', n='1'\nc 3 x, y None\n",
    );
  });

  it('prints nothing for no rows', () => {
    expect(formatValueRows([])).toBe('');
  });
});
