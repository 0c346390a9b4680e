import { dictColumn } from '../../../../src/output/columns.js';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../../src/output/formatters/table.js';

describe('table formatter', () => {
  it('draws +---+ borders with a header row', async () => {
    expect(
      await formatTable(
        ['ID', 'Size'],
        [
          ['a', 1],
          ['bbb', 20],
        ],
        { color: false },
      ),
    ).toBe(['+-----+------+', '| ID  | Size |', '+-----+------+', '| a   | 1    |', '| bbb | 20   |', '+-----+------+', ''].join('\n'));
  });

  it("shows formatted columns' human form, other values as Python's str(), a newline as a second line", async () => {
    const rows = [
      ['properties', dictColumn({ b: '2', a: '1' })],
      ['raw', { k: 'v' }],
      ['text', 'one\ntwo'],
      ['x', null],
    ];
    expect(await formatTable(['Field', 'Value'], rows, { color: false })).toBe(
      [
        '+------------+--------------+',
        '| Field      | Value        |',
        '+------------+--------------+',
        "| properties | a='1', b='2' |",
        "| raw        | {'k': 'v'}   |",
        '| text       | one          |',
        '|            | two          |',
        '| x          | None         |',
        '+------------+--------------+',
        '',
      ].join('\n'),
    );
  });

  it('has no escape codes without colour', async () => {
    expect(await formatTable(['A'], [['x']], { color: false })).not.toMatch(/\x1b/);
  });
});

describe('table formatter, non-ASCII cells', () => {
  it('aligns wide characters by display width', async () => {
    expect(
      await formatTable(
        ['Name', 'Size'],
        [
          ['日本', 1],
          ['ab', 22],
        ],
        { color: false },
      ),
    ).toBe(['+------+------+', '| Name | Size |', '+------+------+', '| 日本 | 1    |', '| ab   | 22   |', '+------+------+', ''].join('\n'));
  });
});
