import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../../src/output/formatters/table.js';

describe('table formatter', () => {
  it('draws +---+ borders with a header row', async () => {
    expect(await formatTable(['ID', 'Size'], [['a', 1], ['bbb', 20]], { color: false })).toBe(
      ['+-----+------+', '| ID  | Size |', '+-----+------+', '| a   | 1    |', '| bbb | 20   |', '+-----+------+', ''].join('\n'),
    );
  });

  it('puts each pair of a dict on its own line, None for missing values', async () => {
    expect(await formatTable(['Field', 'Value'], [['metadata', { a: '1', b: '2' }], ['x', null]], { color: false })).toBe(
      ['+----------+-------+', '| Field    | Value |', '+----------+-------+', "| metadata | a='1' |", "|          | b='2' |", '| x        | None  |', '+----------+-------+', ''].join('\n'),
    );
  });

  it('has no escape codes without colour', async () => {
    expect(await formatTable(['A'], [['x']], { color: false })).not.toMatch(/\x1b/);
  });
});

describe('table formatter, non-ASCII cells', () => {
  it('aligns wide characters by display width', async () => {
    expect(await formatTable(['Name', 'Size'], [['日本', 1], ['ab', 22]], { color: false })).toBe(
      ['+------+------+', '| Name | Size |', '+------+------+', '| 日本 | 1    |', '| ab   | 22   |', '+------+------+', ''].join('\n'),
    );
  });
});
