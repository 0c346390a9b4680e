/**
 * Python's textwrap.fill(text, width) with its defaults, which prettytable
 * uses to wrap a cell wider than its column (so ucinder's fitted tables
 * break lines where openstack's do). Chunks are split by textwrap's own
 * wordsep_re (Python 3.11): whitespace runs, words, hyphenated parts and
 * em-dashes; a word longer than the width is broken, after a hyphen when it
 * can. Widths count UTF-16 code units, as the plain-ASCII tables need.
 */

const WHITESPACE = '[\\t\\n\\x0b\\x0c\\r ]';
const NON_WHITESPACE = '[^\\t\\n\\x0b\\x0c\\r ]';
const WORD_PUNCT = `[\\w!"'&.,?]`;
const LETTER = '[^\\d\\W]';
const WORD_SEPARATOR = new RegExp(
  `(${WHITESPACE}+` +
    `|(?<=${WORD_PUNCT})-{2,}(?=\\w)` +
    `|${NON_WHITESPACE}+?(?:-(?:(?<=${LETTER}{2}-)|(?<=${LETTER}-${LETTER}-))(?=${LETTER}-?${LETTER})|(?=${WHITESPACE}|$)|(?<=${WORD_PUNCT})(?=-{2,}\\w)))`,
);

export function fillText(text: string, width: number): string {
  return wrapText(text, width).join('\n');
}

export function wrapText(text: string, width: number): string[] {
  if (width <= 0) throw new Error(`invalid width ${width} (must be > 0)`);
  const chunks = chunksOf(mungeWhitespace(text)).reverse();
  const lines: string[] = [];
  while (chunks.length) {
    const line: string[] = [];
    let length = 0;
    if (isBlank(chunks[chunks.length - 1]!) && lines.length) chunks.pop();
    while (chunks.length && length + chunks[chunks.length - 1]!.length <= width) {
      const chunk = chunks.pop()!;
      line.push(chunk);
      length += chunk.length;
    }
    if (chunks.length && chunks[chunks.length - 1]!.length > width) {
      breakLongWord(chunks, line, length, width);
    }
    if (line.length && isBlank(line[line.length - 1]!)) line.pop();
    if (line.length) lines.push(line.join(''));
  }
  return lines;
}

/** textwrap's _handle_long_word with break_long_words and break_on_hyphens. */
function breakLongWord(reversedChunks: string[], line: string[], length: number, width: number): void {
  const spaceLeft = width < 1 ? 1 : width - length;
  const chunk = reversedChunks[reversedChunks.length - 1]!;
  let end = spaceLeft;
  if (chunk.length > spaceLeft) {
    const hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
    if (hyphen > 0 && [...chunk.slice(0, hyphen)].some((character) => character !== '-')) end = hyphen + 1;
  }
  line.push(chunk.slice(0, end));
  reversedChunks[reversedChunks.length - 1] = chunk.slice(end);
}

/** expandtabs(8), then every whitespace character a space (textwrap's _munge_whitespace). */
function mungeWhitespace(text: string): string {
  let column = 0;
  let expanded = '';
  for (const character of text) {
    if (character === '\t') {
      const spaces = 8 - (column % 8);
      expanded += ' '.repeat(spaces);
      column += spaces;
    } else {
      expanded += character;
      column = character === '\n' || character === '\r' ? 0 : column + 1;
    }
  }
  return expanded.replace(/[\t\n\x0b\x0c\r]/g, ' ');
}

function chunksOf(text: string): string[] {
  return text.split(WORD_SEPARATOR).filter((chunk) => chunk !== undefined && chunk !== '');
}

function isBlank(chunk: string): boolean {
  return chunk.trim() === '';
}
