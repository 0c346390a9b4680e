import { describe, expect, it } from 'vitest';
import { renderAsciiTable } from '../../../src/output/formatters/ascii-table.js';
import { fitCell, fitColumns, printable, tableWidth } from '../../../src/top/table-fit.js';
import { wrap } from '../../../src/top/frame.js';
import { capacityBar } from '../../../src/top/cells.js';
import { nextRefreshAt } from '../../../src/top/scheduler.js';

const columns = (...headers: string[]) => headers.map((header) => ({ header }));

describe('fitting a table to the screen', () => {
  it('keeps natural widths when they fit', () => {
    expect(fitColumns(columns('ID', 'Name'), [['1', 'vol1']], 80)).toEqual({ shown: [0, 1], widths: [2, 4] });
  });

  it('cuts the widest columns first, down to each other, so wide columns end up alike', () => {
    const rows = [['a'.repeat(36), 'b'.repeat(30), 'ok']];
    const fitted = fitColumns(columns('ID', 'Name', 'Status'), rows, 40);
    expect(tableWidth(fitted.widths)).toBeLessThanOrEqual(40);
    expect(fitted).toEqual({ shown: [0, 1, 2], widths: [12, 12, 6] });
  });

  it('leaves the last columns out rather than cut any below a readable width (or its header, or its minWidth)', () => {
    const rows = [['x'.repeat(20), 'y'.repeat(20), 'z'.repeat(20), '[#####.....]  50%']];
    const fitted = fitColumns([...columns('One', 'Two', 'Three'), { header: 'Bar', minWidth: 17 }], rows, 50);
    expect(fitted.shown).toEqual([0, 1, 2]);
    expect(fitted.widths.every((width) => width >= 10)).toBe(true);
    expect(
      fitColumns(
        [{ header: 'Bar', minWidth: 17 }, ...columns('One')],
        rows.map((row) => [row[3]!, row[0]!]),
        24,
      ),
    ).toEqual({ shown: [0], widths: [17] });
  });

  it('cuts a cell with …, pads it to the width, numbers to the right; the table code draws it unchanged', () => {
    expect(fitCell('topvol2-with-a-long-name', 8)).toBe('topvol2…');
    expect(fitCell('12', 4, true)).toBe('  12');
    expect(fitCell('ab', 4)).toBe('ab  ');
    expect(renderAsciiTable([fitCell('Name', 8)], [[fitCell('topvol2-with-a-long-name', 8)]]).split('\n')[3]).toBe('| topvol2… |');
  });

  it('never passes control characters through: a line is one screen row and escapes stay text', () => {
    expect(printable('a\u001b[2Jb\nc\td\u009b')).toBe('a?[2Jb c d?');
  });

  it('wraps long values at spaces, keeping their own line breaks', () => {
    expect(wrap('cinder-volume on node2@lvm is down for 15m', 20)).toBe('cinder-volume on\nnode2@lvm is down\nfor 15m');
    expect(wrap('x'.repeat(25), 10)).toBe('xxxxxxxxxx\nxxxxxxxxxx\nxxxxx');
    expect(wrap('a\nb', 10)).toBe('a\nb');
  });
});

describe('capacity bars', () => {
  it('fill with the used share, coloured green, yellow from 75%, red from the threshold; other capacities as the backend says', () => {
    expect(capacityBar(100, 60, 90)).toEqual({ text: '[####......]  40%', tone: 'ok' });
    expect(capacityBar('200', '40', 90)).toEqual({ text: '[########..]  80%', tone: 'warning' });
    expect(capacityBar(100, 5, 90)).toEqual({ text: '[##########]  95%', tone: 'error' });
    expect(capacityBar('infinite', 'infinite', 90)).toEqual({ text: 'infinite' });
    expect(capacityBar(undefined, undefined, 90)).toEqual({ text: 'unknown' });
  });
});

describe('refresh pacing', () => {
  it('at once the first time; never while one runs; one interval after the last start, or a full interval after one that overran', () => {
    expect(nextRefreshAt({}, 5000)).toBe(-Infinity);
    expect(nextRefreshAt({ startedAt: 1000 }, 5000)).toBe(Infinity);
    expect(nextRefreshAt({ startedAt: 1000, finishedAt: 1200 }, 5000)).toBe(6000);
    expect(nextRefreshAt({ startedAt: 1000, finishedAt: 8000 }, 5000)).toBe(13_000);
  });
});
