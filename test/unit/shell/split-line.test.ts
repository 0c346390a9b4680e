import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { splitLine } from '../../../src/shell/split-line.js';

describe('splitLine', () => {
  it('splits on runs of blanks and tabs', () => {
    expect(splitLine('  volume   show\tvol1  ')).toEqual(['volume', 'show', 'vol1']);
    expect(splitLine('')).toEqual([]);
    expect(splitLine('   ')).toEqual([]);
  });

  it('keeps single-quoted text literally', () => {
    expect(splitLine(`volume set --description 'a "b" \\c' vol1`)).toEqual(['volume', 'set', '--description', 'a "b" \\c', 'vol1']);
  });

  it('lets \\" \\\\ \\$ \\` escape inside double quotes, and nothing else', () => {
    expect(splitLine('x "say \\"hi\\" \\\\ \\$HOME \\n"')).toEqual(['x', 'say "hi" \\ $HOME \\n']);
  });

  it('joins quoted and unquoted parts of one word; an empty quoted word is a word', () => {
    expect(splitLine(`--name=my' 'vol "" x`)).toEqual(['--name=my vol', '', 'x']);
  });

  it('a backslash outside quotes escapes the next character', () => {
    expect(splitLine('a\\ b c\\#d')).toEqual(['a b', 'c#d']);
  });

  it('an unquoted # starting a word begins a comment; inside a word or quotes it is text', () => {
    expect(splitLine('# all comment')).toEqual([]);
    expect(splitLine('volume show v#1 "#x" # the rest')).toEqual(['volume', 'show', 'v#1', '#x']);
  });

  it('does no expansion: $VAR, ~ and globs stay as typed', () => {
    expect(splitLine('show $VOL ~ *')).toEqual(['show', '$VOL', '~', '*']);
  });

  it('refuses unterminated quotes and a trailing backslash with a usage error', () => {
    expect(() => splitLine(`show 'vol`)).toThrow(new UsageError('unterminated single quote'));
    expect(() => splitLine('show "vol')).toThrow(new UsageError('unterminated double quote'));
    expect(() => splitLine('show vol\\')).toThrow(UsageError);
  });
});
