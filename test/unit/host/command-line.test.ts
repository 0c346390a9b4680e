import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { shellQuoteWord, singleQuote, splitCommandLine } from '../../../src/host/command-line.js';

describe('splitCommandLine', () => {
  it('splits on any run of whitespace', () => {
    expect(splitCommandLine('  cinder-manage\t--config-file   /etc/cinder/cinder.conf ')).toEqual(['cinder-manage', '--config-file', '/etc/cinder/cinder.conf']);
  });

  it('keeps quoted spaces inside one word, single or double quotes', () => {
    expect(splitCommandLine(`cinder-manage --config-file "/etc/my cinder/c.conf" --log-file '/var/log/a b.log'`)).toEqual([
      'cinder-manage', '--config-file', '/etc/my cinder/c.conf', '--log-file', '/var/log/a b.log',
    ]);
  });

  it('treats shell syntax as plain text: no variables, globs, pipes or substitution', () => {
    expect(splitCommandLine('echo $HOME * | rm -rf / ; `id` $(id)')).toEqual(['echo', '$HOME', '*', '|', 'rm', '-rf', '/', ';', '`id`', '$(id)']);
  });

  it('joins adjacent quoted and unquoted parts into one word', () => {
    expect(splitCommandLine(`--opt="a b"'c d'e`)).toEqual(['--opt=a bc de']);
  });

  it('backslash escapes outside quotes, only \\ " $ ` inside double quotes, nothing inside single quotes', () => {
    expect(splitCommandLine(String.raw`a\ b "c\"d\\e\n" 'f\g'`)).toEqual(['a b', 'c"d\\e\\n', 'f\\g']);
  });

  it('keeps an empty quoted argument', () => {
    expect(splitCommandLine(`cmd "" ''`)).toEqual(['cmd', '', '']);
  });

  it.each([
    ['cinder-manage "unterminated', 'unterminated double quote'],
    ["cinder-manage 'unterminated", 'unterminated single quote'],
    ['cinder-manage trailing\\', 'trailing backslash'],
    ['   ', 'it is empty'],
  ])('rejects %j (%s) with a usage error', (text, problem) => {
    expect(() => splitCommandLine(text, 'cinder-manage command')).toThrowError(UsageError);
    expect(() => splitCommandLine(text, 'cinder-manage command')).toThrowError(`invalid cinder-manage command '${text}': ${problem}`);
  });
});

describe('shellQuoteWord', () => {
  it('leaves plain words alone and single-quotes the rest, escaping quotes', () => {
    expect(shellQuoteWord('node1@mmj')).toBe('node1@mmj');
    expect(shellQuoteWord('/etc/my cinder.conf')).toBe("'/etc/my cinder.conf'");
    expect(shellQuoteWord("it's;rm")).toBe(`'it'\\''s;rm'`);
    expect(shellQuoteWord('')).toBe("''");
  });

  it.each([shellQuoteWord, singleQuote])('round-trips through splitCommandLine (%o)', (quote) => {
    const words = ['plain', 'a b', "it's", '$(id)', '', 'x"y'];
    expect(splitCommandLine(words.map(quote).join(' '))).toEqual(words);
  });
});

describe('singleQuote', () => {
  it('quotes every word, plain ones too, escaping single quotes', () => {
    expect(singleQuote('volume')).toBe("'volume'");
    expect(singleQuote('')).toBe("''");
    expect(singleQuote("it's $(id)")).toBe(`'it'\\''s $(id)'`);
  });
});
