import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../../src/output/formatters/csv.js';

const HEADERS = ['ID', 'Size', 'Note'];
const ROWS = [['a', 1, 'plain'], ['b,c', 2, 'say "hi"'], ['d', null, { k: 'v' }]];

describe('csv formatter', () => {
  it('nonnumeric (default) quotes everything but numbers', () => {
    expect(formatCsv(HEADERS, ROWS, 'nonnumeric')).toBe(
      '"ID","Size","Note"\r\n"a",1,"plain"\r\n"b,c",2,"say ""hi"""\r\n"d","","k=\'v\'"\r\n',
    );
  });

  it('minimal quotes only what needs it', () => {
    expect(formatCsv(HEADERS, ROWS, 'minimal')).toBe('ID,Size,Note\r\na,1,plain\r\n"b,c",2,"say ""hi"""\r\nd,,k=\'v\'\r\n');
  });

  it('all quotes every field', () => {
    expect(formatCsv(['N'], [[1], ['x']], 'all')).toBe('"N"\r\n"1"\r\n"x"\r\n');
  });

  it('none escapes separators and quotes with a backslash', () => {
    expect(formatCsv(HEADERS, ROWS.slice(1, 2), 'none')).toBe('ID,Size,Note\r\nb\\,c,2,say \\"hi\\"\r\n');
  });

  it('keeps embedded newlines inside quotes', () => {
    expect(formatCsv(['D'], [['line1\nline2']], 'minimal')).toBe('D\r\n"line1\nline2"\r\n');
  });
});
