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
): string {
  const split = (cell: string) => cell.split('\n');
  const widths = headers.map((header, column) =>
    Math.max(...[header, ...rows.map((row) => row[column] ?? '')].flatMap(split).map((line) => line.length)),
  );
  const rule = `+${widths.map((width) => '-'.repeat(width + 2)).join('+')}+`;
  const renderRow = (cells: readonly string[], decorate: (text: string) => string) => {
    const lines = cells.map(split);
    const height = Math.max(1, ...lines.map((cellLines) => cellLines.length));
    const out: string[] = [];
    for (let line = 0; line < height; line++) {
      const parts = widths.map((width, column) => {
        const text = lines[column]?.[line] ?? '';
        return ` ${decorate(text)}${' '.repeat(width - text.length)} `;
      });
      out.push(`|${parts.join('|')}|`);
    }
    return out;
  };
  const body = rows.flatMap((row) => renderRow(row, (text) => text));
  return [rule, ...renderRow(headers, decorateHeader), rule, ...body, rule].join('\n');
}
