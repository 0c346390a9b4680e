import { describe, expect, it } from 'vitest';
import { isPlainAscii, renderAsciiTable } from '../../../src/output/formatters/ascii-table.js';
import { formatTable, formatWithCliTable3 } from '../../../src/output/formatters/table.js';
import { DEFAULT_OUTPUT } from '../../../src/output/options.js';
import { renderListing } from '../../../src/output/render.js';
import { listing } from '../../../src/output/result.js';

/** A small deterministic generator, so a failure names a reproducible seed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function asciiText(next: () => number, maxLength: number): string {
  const length = Math.floor(next() * maxLength);
  let text = '';
  for (let i = 0; i < length; i++) {
    // Printable ASCII, and now and then a newline (multi-line cells: dicts).
    text += next() < 0.05 ? '\n' : String.fromCharCode(32 + Math.floor(next() * 95));
  }
  return text;
}

describe('ASCII table fast path', () => {
  it('draws exactly what cli-table3 draws, for 200 random ASCII tables', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const columns = 1 + Math.floor(next() * 5);
      const headers = Array.from({ length: columns }, () => asciiText(next, 12).replace(/\n/g, '') || 'H');
      const rows = Array.from({ length: Math.floor(next() * 6) }, () => Array.from({ length: columns }, () => asciiText(next, 30)));
      const expected = await formatWithCliTable3(headers, rows);
      expect(`${renderAsciiTable(headers, rows)}\n`, `seed ${seed}`).toBe(expected);
    }
  });

  it('leaves Unicode to cli-table3, which measures wide characters', async () => {
    expect(isPlainAscii(['vol1', 'a\nb'])).toBe(true);
    expect(isPlainAscii(['卷一'])).toBe(false);
    const text = await formatTable(['Name', 'Size'], [['卷一', 1]], { color: false });
    expect(text).toBe(['+------+------+', '| Name | Size |', '+------+------+', '| 卷一 | 1    |', '+------+------+', ''].join('\n'));
  });

  it('aligns a column right, header too, as prettytable does for numbers', () => {
    // /usr/bin/python3: PrettyTable(['ID', 'Size']) with align Size='r', row ['a', 1234567]
    expect(renderAsciiTable(['ID', 'Size'], [['a', '1234567']], undefined, [false, true])).toBe(
      ['+----+---------+', '| ID |    Size |', '+----+---------+', '| a  | 1234567 |', '+----+---------+'].join('\n'),
    );
  });

  it('styles the header without counting escape codes in the width', () => {
    const text = renderAsciiTable(['ID'], [['abc']], (header) => `<b>${header}</b>`);
    expect(text).toBe(['+-----+', '| <b>ID</b>  |', '+-----+', '| abc |', '+-----+'].join('\n'));
  });

  it('draws a 200,000-row table (-f table), each column as wide as its widest cell', async () => {
    // Math.max(...cells) once overflowed the stack here: every row was an argument.
    const rows = Array.from({ length: 200_000 }, (_, i) => [`id-${i}`, i === 123_456 ? 'the-longest-name' : 'v', i]);
    const text = await renderListing(listing(['ID', 'Name', 'Size'], rows), { ...DEFAULT_OUTPUT, format: 'table' });
    const lines = text.split('\n');
    const rule = '+-----------+------------------+--------+';
    // Size holds numbers: right-aligned, header included, as cliff's prettytable draws it.
    expect(lines.slice(0, 4)).toEqual([rule, '| ID        | Name             |   Size |', rule, '| id-0      | v                |      0 |']);
    expect(lines[3 + 123_456]).toBe('| id-123456 | the-longest-name | 123456 |');
    expect(lines.slice(-3)).toEqual(['| id-199999 | v                | 199999 |', rule, '']);
    expect(lines).toHaveLength(200_000 + 5);
    expect(lines.filter((line) => line.length !== rule.length)).toEqual(['']);
    // What is tested is the result, not the speed (bench/ measures that): a loaded machine may take several seconds.
  }, 60_000);
});
