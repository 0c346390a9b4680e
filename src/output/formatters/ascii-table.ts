/**
 * A fast path for the common table: every cell plain printable ASCII. Its
 * output is byte-for-byte what cli-table3 draws with our borders (a unit test
 * compares the two), but it skips cli-table3's load and its Unicode
 * width machinery, which cost more than Node's own start-up (bench/RESULTS.md).
 * Anything else (CJK, emoji, control characters) goes to cli-table3.
 */

const PLAIN_ASCII = /^[\x20-\x7e\n]*$/;

export function isPlainAscii(cells: readonly string[]): boolean {
  return cells.every((cell) => PLAIN_ASCII.test(cell));
}

/**
 * `decorateHeader` styles a header cell after its width is known (bold on a
 * terminal), so escape codes never count towards the width.
 */
export function renderAsciiTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  decorateHeader: (text: string) => string = (text) => text,
  rightAligned: readonly boolean[] = [],
  /** Column widths decided before wrapping (a fitted table): prettytable pads to them even when the wrapped lines are shorter. */
  fixedWidths?: readonly number[],
): string {
  const split = (cell: string) => cell.split('\n');
  // Loops, not Math.max(...cells): a spread passes every row as an argument
  // and overflows the stack on long tables (200,000 rows).
  const widths = fixedWidths ? [...fixedWidths] : headers.map(longestLine);
  for (const row of fixedWidths ? [] : rows) {
    for (let column = 0; column < widths.length; column++) {
      widths[column] = Math.max(widths[column]!, longestLine(row[column] ?? ''));
    }
  }
  const rule = `+${widths.map((width) => '-'.repeat(width + 2)).join('+')}+`;
  const renderRow = (cells: readonly string[], decorate: (text: string) => string) => {
    const lines = cells.map(split);
    const height = lines.reduce((tallest, cellLines) => Math.max(tallest, cellLines.length), 1);
    const out: string[] = [];
    for (let line = 0; line < height; line++) {
      const parts = widths.map((width, column) => {
        const text = lines[column]?.[line] ?? '';
        const pad = ' '.repeat(width - text.length);
        return rightAligned[column] ? ` ${pad}${decorate(text)} ` : ` ${decorate(text)}${pad} `;
      });
      out.push(`|${parts.join('|')}|`);
    }
    return out;
  };
  const body = rows.flatMap((row) => renderRow(row, (text) => text));
  return [rule, ...renderRow(headers, decorateHeader), rule, ...body, rule].join('\n');
}

function longestLine(cell: string): number {
  let longest = 0;
  for (const line of cell.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}
