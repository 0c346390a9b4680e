import { UsageError } from '../errors.js';

/**
 * Words as a POSIX shell splits a plain command line, and words quoted so
 * that a shell reads them back unchanged. The one implementation behind the
 * lines of the ucinder shell and batch mode, configured command lines
 * (--manage-command), and everything ucinder prints for a shell to read:
 * completion scripts, --dry-run commands, names offered on TAB, ssh's
 * remote command.
 */

const BLANKS = ' \t\n\r';

/**
 * Whitespace separates words; '…' keeps everything literally; "…" keeps
 * everything but lets \" \\ \$ \` escape; a backslash outside quotes escapes
 * the next character; with `comments`, an unquoted # at the start of a word
 * ends the line. No expansion of any kind ($VAR, ~, globs, pipes stay text):
 * ucinder is not a shell, and a configured command never goes through one.
 * A text that does not split (an open quote, a backslash with nothing after
 * it) is a UsageError naming the problem.
 *
 *   `cinder-manage --config-file "/etc/my cinder/cinder.conf"`
 *     → ['cinder-manage', '--config-file', '/etc/my cinder/cinder.conf']
 */
export function splitShellWords(text: string, options: { comments?: boolean } = {}): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (BLANKS.includes(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      index += 1;
    } else if (char === '#' && !inWord && options.comments) {
      break;
    } else if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end < 0) throw new UsageError('unterminated single quote');
      word += text.slice(index + 1, end);
      inWord = true;
      index = end + 1;
    } else if (char === '"') {
      index += 1;
      inWord = true;
      for (;;) {
        if (index >= text.length) throw new UsageError('unterminated double quote');
        const inner = text[index]!;
        if (inner === '"') break;
        if (inner === '\\' && index + 1 < text.length && '"\\$`'.includes(text[index + 1]!)) {
          word += text[index + 1];
          index += 2;
        } else {
          word += inner;
          index += 1;
        }
      }
      index += 1;
    } else if (char === '\\') {
      if (index + 1 >= text.length) throw new UsageError('trailing backslash');
      word += text[index + 1];
      inWord = true;
      index += 2;
    } else {
      word += char;
      inWord = true;
      index += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * POSIX single quoting, valid in sh, bash and zsh alike: the text between
 * single quotes is literal, and a single quote itself becomes '\''.
 */
export function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** One word for a shell to read back: plain words as they are, the rest single-quoted. */
export function quoteShellWord(word: string): string {
  return word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : singleQuote(word);
}
