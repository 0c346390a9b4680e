import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../../src/output/formatters/json.js';
import { renderListing } from '../../../../src/output/render.js';
import { printResult } from '../../../../src/output/render.js';
import { DEFAULT_OUTPUT } from '../../../../src/output/options.js';
import { bufferIOStreams } from '../../../../src/output/iostreams.js';
import { streamingListing } from '../../../../src/output/result.js';

// What cliff prints (Python's json.dump(data, stdout, indent=2 or None) and a
// newline), checked with /usr/bin/python3 for this very data.
const DATA = [{ ID: 'a', n: null, l: [], d: {}, u: 'ünï', x: [{ k: 1 }], t: true }, { ID: 'b' }];
const PYTHON_INDENTED = [
  '[',
  '  {',
  '    "ID": "a",',
  '    "n": null,',
  '    "l": [],',
  '    "d": {},',
  '    "u": "\\u00fcn\\u00ef",',
  '    "x": [',
  '      {',
  '        "k": 1',
  '      }',
  '    ],',
  '    "t": true',
  '  },',
  '  {',
  '    "ID": "b"',
  '  }',
  ']',
  '',
].join('\n');
const PYTHON_ONE_LINE = '[{"ID": "a", "n": null, "l": [], "d": {}, "u": "\\u00fcn\\u00ef", "x": [{"k": 1}], "t": true}, {"ID": "b"}]\n';

describe('json formatter', () => {
  it('indents by 2 and escapes non-ASCII, as cliff (Python json.dump) does', () => {
    expect(formatJson(DATA, false)).toBe(PYTHON_INDENTED);
  });

  it("prints one line with --noindent, with Python's separators", () => {
    expect(formatJson(DATA, true)).toBe(PYTHON_ONE_LINE);
  });

  it('prints null for nothing', () => {
    expect(formatJson(undefined, false)).toBe('null\n');
  });

  it('a listing streamed page by page prints the same bytes', async () => {
    const columns = ['ID', 'n', 'l', 'd', 'u', 'x', 't'];
    const rows = DATA.map((record) => columns.map((column) => ((record as Record<string, unknown>)[column] ?? null) as never));
    async function* pages() {
      yield [rows[0]!];
      yield [rows[1]!];
    }
    for (const [noIndent, expected] of [
      [false, PYTHON_INDENTED],
      [true, PYTHON_ONE_LINE],
    ] as const) {
      const streams = bufferIOStreams();
      await printResult(streams.io, streamingListing(columns, pages()), { ...DEFAULT_OUTPUT, format: 'json', noIndent });
      const whole = await renderListing({ kind: 'listing', columns, rows }, { ...DEFAULT_OUTPUT, format: 'json', noIndent });
      expect(streams.stdout()).toBe(whole);
      // Keys of the second record are all the columns (null where absent), so compare its first record only.
      expect(streams.stdout().startsWith(expected.slice(0, expected.indexOf(noIndent ? '}, {' : '  },') + 1))).toBe(true);
    }
  });
});
