import { UsageError } from '../errors.js';

/**
 * Splits a configured command line (UCINDER_MANAGE_COMMAND, --manage-command)
 * into argv the way a POSIX shell splits words — quotes and backslashes only,
 * no variables, globs, pipes or command substitution — so a configured
 * command is never handed to a shell.
 *
 *   'cinder-manage --config-file "/etc/my cinder/cinder.conf"'
 *     → ['cinder-manage', '--config-file', '/etc/my cinder/cinder.conf']
 */
export function splitCommandLine(text: string, what = 'command line'): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let index = 0;
  const fail = (problem: string): never => {
    throw new UsageError(`invalid ${what} '${text}': ${problem}`);
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === "'") {
      // Single quotes: everything literal up to the next single quote.
      const end = text.indexOf("'", index + 1);
      if (end < 0) fail('unterminated single quote');
      word += text.slice(index + 1, end);
      inWord = true;
      index = end + 1;
    } else if (char === '"') {
      // Double quotes: a backslash escapes only \ " $ ` (as in sh); the rest is literal.
      index += 1;
      let closed = false;
      while (index < text.length) {
        const inner = text[index]!;
        if (inner === '"') {
          closed = true;
          index += 1;
          break;
        }
        if (inner === '\\' && index + 1 < text.length && '\\"$`'.includes(text[index + 1]!)) {
          word += text[index + 1]!;
          index += 2;
        } else {
          word += inner;
          index += 1;
        }
      }
      if (!closed) fail('unterminated double quote');
      inWord = true;
    } else if (char === '\\') {
      if (index + 1 >= text.length) fail('trailing backslash');
      word += text[index + 1]!;
      inWord = true;
      index += 2;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      index += 1;
    } else {
      word += char;
      inWord = true;
      index += 1;
    }
  }
  if (inWord) words.push(word);
  if (words.length === 0) fail('it is empty');
  return words;
}

/**
 * POSIX single quoting, valid in sh, bash and zsh alike: the text between
 * single quotes is literal, and a single quote itself becomes '\''.
 */
export function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** POSIX-shell quoting of one word, for a remote shell (ssh joins its arguments into one string). */
export function shellQuoteWord(word: string): string {
  return word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : singleQuote(word);
}
