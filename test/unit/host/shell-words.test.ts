import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { resolveManageInvocation } from '../../../src/host/manage.js';
import { quoteShellWord, singleQuote, splitShellWords } from '../../../src/host/shell-words.js';

/** The shell's and batch mode's lines: a # starting a word ends the line. */
const COMMENTS = { comments: true };

describe('splitShellWords: lines of the ucinder shell', () => {
  it('splits on runs of blanks and tabs', () => {
    expect(splitShellWords('  volume   show\tvol1  ', COMMENTS)).toEqual(['volume', 'show', 'vol1']);
    expect(splitShellWords('', COMMENTS)).toEqual([]);
    expect(splitShellWords('   ', COMMENTS)).toEqual([]);
  });

  it('keeps single-quoted text literally', () => {
    expect(splitShellWords(`volume set --description 'a "b" \\c' vol1`, COMMENTS)).toEqual(['volume', 'set', '--description', 'a "b" \\c', 'vol1']);
  });

  it('lets \\" \\\\ \\$ \\` escape inside double quotes, and nothing else', () => {
    expect(splitShellWords('x "say \\"hi\\" \\\\ \\$HOME \\n"', COMMENTS)).toEqual(['x', 'say "hi" \\ $HOME \\n']);
  });

  it('joins quoted and unquoted parts of one word; an empty quoted word is a word', () => {
    expect(splitShellWords(`--name=my' 'vol "" x`, COMMENTS)).toEqual(['--name=my vol', '', 'x']);
  });

  it('a backslash outside quotes escapes the next character', () => {
    expect(splitShellWords('a\\ b c\\#d', COMMENTS)).toEqual(['a b', 'c#d']);
  });

  it('an unquoted # starting a word begins a comment; inside a word or quotes it is text', () => {
    expect(splitShellWords('# all comment', COMMENTS)).toEqual([]);
    expect(splitShellWords('volume show v#1 "#x" # the rest', COMMENTS)).toEqual(['volume', 'show', 'v#1', '#x']);
  });

  it('does no expansion: $VAR, ~ and globs stay as typed', () => {
    expect(splitShellWords('show $VOL ~ *', COMMENTS)).toEqual(['show', '$VOL', '~', '*']);
  });

  it('refuses unterminated quotes and a trailing backslash with a usage error', () => {
    expect(() => splitShellWords(`show 'vol`, COMMENTS)).toThrow(new UsageError('unterminated single quote'));
    expect(() => splitShellWords('show "vol', COMMENTS)).toThrow(new UsageError('unterminated double quote'));
    expect(() => splitShellWords('show vol\\', COMMENTS)).toThrow(UsageError);
  });
});

describe('splitShellWords: configured command lines', () => {
  it('splits on any run of whitespace', () => {
    expect(splitShellWords('  cinder-manage\t--config-file   /etc/cinder/cinder.conf ')).toEqual(['cinder-manage', '--config-file', '/etc/cinder/cinder.conf']);
  });

  it('keeps quoted spaces inside one word, single or double quotes', () => {
    expect(splitShellWords(`cinder-manage --config-file "/etc/my cinder/c.conf" --log-file '/var/log/a b.log'`)).toEqual([
      'cinder-manage',
      '--config-file',
      '/etc/my cinder/c.conf',
      '--log-file',
      '/var/log/a b.log',
    ]);
  });

  it('treats shell syntax as plain text: no variables, globs, pipes or substitution', () => {
    expect(splitShellWords('echo $HOME * | rm -rf / ; `id` $(id)')).toEqual(['echo', '$HOME', '*', '|', 'rm', '-rf', '/', ';', '`id`', '$(id)']);
  });

  it('joins adjacent quoted and unquoted parts into one word', () => {
    expect(splitShellWords(`--opt="a b"'c d'e`)).toEqual(['--opt=a bc de']);
  });

  it('backslash escapes outside quotes, only \\ " $ ` inside double quotes, nothing inside single quotes', () => {
    expect(splitShellWords(String.raw`a\ b "c\"d\\e\n" 'f\g'`)).toEqual(['a b', 'c"d\\e\\n', 'f\\g']);
  });

  it('keeps an empty quoted argument', () => {
    expect(splitShellWords(`cmd "" ''`)).toEqual(['cmd', '', '']);
  });

  it.each([
    ['cinder-manage "unterminated', 'unterminated double quote'],
    ["cinder-manage 'unterminated", 'unterminated single quote'],
    ['cinder-manage trailing\\', 'trailing backslash'],
    ['   ', 'it is empty'],
  ])('rejects --manage-command %j (%s) with a usage error', (text, problem) => {
    const resolve = () => resolveManageInvocation({ manageCommand: text }, {});
    expect(resolve).toThrowError(UsageError);
    expect(resolve).toThrowError(`invalid cinder-manage command '${text}': ${problem}`);
  });
});

describe('quoteShellWord', () => {
  it('leaves plain words alone and single-quotes the rest, escaping quotes', () => {
    expect(quoteShellWord('node1@mmj')).toBe('node1@mmj');
    expect(quoteShellWord('/etc/my cinder.conf')).toBe("'/etc/my cinder.conf'");
    expect(quoteShellWord("it's;rm")).toBe(`'it'\\''s;rm'`);
    expect(quoteShellWord('')).toBe("''");
  });

  it.each([quoteShellWord, singleQuote])('round-trips through splitShellWords (%o)', (quote) => {
    const words = ['plain', 'a b', "it's", '$(id)', '', 'x"y'];
    expect(splitShellWords(words.map(quote).join(' '))).toEqual(words);
  });
});

describe('singleQuote', () => {
  it('quotes every word, plain ones too, escaping single quotes', () => {
    expect(singleQuote('volume')).toBe("'volume'");
    expect(singleQuote('')).toBe("''");
    expect(singleQuote("it's $(id)")).toBe(`'it'\\''s $(id)'`);
  });
});
