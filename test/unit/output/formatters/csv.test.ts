import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../../../src/output/formatters/csv.js';

const HEADERS = ['ID', 'Size', 'Note'];
const ROWS = [
  ['a', 1, 'plain'],
  ['b,c', 2, 'say "hi"'],
  ['d', null, { k: 'v' }],
];

describe('csv formatter', () => {
  it('nonnumeric (default) quotes everything but numbers', () => {
    expect(formatCsv(HEADERS, ROWS, 'nonnumeric')).toBe(
      // Python's csv module with cliff's settings gives exactly this (checked with python3).
      '"ID","Size","Note"\n"a",1,"plain"\n"b,c",2,"say ""hi"""\n"d","","{\'k\': \'v\'}"\n',
    );
  });

  it('minimal quotes only what needs it', () => {
    expect(formatCsv(HEADERS, ROWS, 'minimal')).toBe('ID,Size,Note\na,1,plain\n"b,c",2,"say ""hi"""\nd,,{\'k\': \'v\'}\n');
  });

  it('all quotes every field', () => {
    expect(formatCsv(['N'], [[1], ['x']], 'all')).toBe('"N"\n"1"\n"x"\n');
  });

  it('none escapes separators and quotes with a backslash', () => {
    expect(formatCsv(HEADERS, ROWS.slice(1, 2), 'none')).toBe('ID,Size,Note\nb\\,c,2,say \\"hi\\"\n');
  });

  it('keeps embedded newlines inside quotes', () => {
    expect(formatCsv(['D'], [['line1\nline2']], 'minimal')).toBe('D\n"line1\nline2"\n');
  });
});

describe('csv line endings', () => {
  it('ends rows with \\n as the openstack client does on Linux, never \\r\\n', () => {
    expect(formatCsv(['A'], [['x']], 'minimal')).toBe('A\nx\n');
  });

  it('escapes a carriage return in none mode', () => {
    expect(formatCsv(['A'], [['x\ry']], 'none')).toBe('A\nx\\\ry\n');
  });
});
