import { UsageError } from '../errors.js';

/**
 * Splits one shell or batch line into words the way a POSIX shell would for
 * plain commands: whitespace separates words; '…' keeps everything literally;
 * "…" keeps everything but lets \" \\ \$ \` escape; a backslash outside
 * quotes escapes the next character; an unquoted # at the start of a word
 * starts a comment. No expansion of any kind: ucinder is not a shell.
 */
export function splitLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (char === '#' && !inWord) {
      break;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new UsageError('unterminated single quote');
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (char === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= line.length) throw new UsageError('unterminated double quote');
        const inner = line[i]!;
        if (inner === '"') break;
        if (inner === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
          word += line[i + 1];
          i += 2;
        } else {
          word += inner;
          i++;
        }
      }
      i++;
    } else if (char === '\\') {
      if (i + 1 >= line.length) throw new UsageError('a backslash ends the line');
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += char;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
