/**
 * The few pieces of man(7) roff the pages need. Text is escaped so that
 * groff prints it as written: a backslash is \e; hyphens, quotes and
 * backquotes become the ASCII characters (\-, \(aq, \(ga) so that copied
 * flags and commands work; other non-ASCII characters become \[uXXXX], so
 * the source is ASCII whatever the reader's locale or preprocessor.
 */
export function escape(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\e';
    else if (char === '-') out += '\\-';
    else if (char === "'") out += '\\(aq';
    else if (char === '`') out += '\\(ga';
    else if (code > 0x7e || code < 0x20) out += `\\[u${code.toString(16).toUpperCase().padStart(4, '0')}]`;
    else out += char;
  }
  return out;
}

export const bold = (text: string) => `\\fB${escape(text)}\\fR`;
export const italic = (text: string) => `\\fI${escape(text)}\\fR`;

/** A reference to another page: `ucinder-volume-list(1)`. */
export const pageRef = (name: string, section = 1) => `${bold(name)}(${section})`;

/**
 * A usage or option term: command words and flags bold, placeholders
 * (`<name>`, `[seconds]`, `<volume...>`) italic, the rest as it is.
 */
export function term(text: string): string {
  return text
    .split(' ')
    .map((word) => {
      if (/^[<[].*[>\]]$/.test(word) && word !== '[options]') return italic(word);
      const flag = /^(-[^,]+)(,?)$/.exec(word);
      if (flag) return `${bold(flag[1]!)}${flag[2]}`;
      return escape(word);
    })
    .join(' ');
}

/** Builds one page, line by line. Text arguments are roff already (escape, bold, …), but for verbatim's. */
export class RoffPage {
  private readonly lines: string[] = [];

  constructor(title: string, section: number, date: string, source: string, manual: string) {
    const quoted = (arg: string) => `"${escape(arg).replace(/"/g, '\\(dq')}"`;
    this.lines.push(
      `.TH ${quoted(title.toUpperCase())} ${section} ${quoted(date)} ${quoted(source)} ${quoted(manual)}`,
      // Left-aligned, no hyphenation: flags and names must not be split.
      '.ad l',
      '.nh',
    );
  }

  section(title: string): this {
    this.lines.push(`.SH ${title.toUpperCase()}`);
    return this;
  }

  /** A filled paragraph of roff text (escaped already). */
  paragraph(roff: string): this {
    this.lines.push('.PP', safeLine(roff));
    return this;
  }

  /** Text lines joined by line breaks, e.g. a synopsis. */
  lineBroken(roffLines: string[]): this {
    roffLines.forEach((line, index) => {
      if (index) this.lines.push('.br');
      this.lines.push(safeLine(line));
    });
    return this;
  }

  /** A tagged paragraph: the term on its own, the text indented below or beside it. */
  tagged(termRoff: string, textRoff: string): this {
    this.lines.push('.TP', safeLine(termRoff), safeLine(textRoff || '\\&'));
    return this;
  }

  /** Plain text lines (escaped here), printed as they are (no filling), indented. */
  verbatim(lines: string[]): this {
    this.lines.push('.PP', '.RS 4', '.nf', ...lines.map((line) => safeLine(escape(line))), '.fi', '.RE');
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** A line that starts with `.` or `'` would be read as a request. */
function safeLine(roff: string): string {
  return /^[.']/.test(roff) ? `\\&${roff}` : roff;
}

/**
 * A long shell command split into lines of at most `width`, each but the
 * last ending in ` \`, so that it is still the same command when copied.
 * Breaks go between words, continuations indented; an option keeps its value
 * on its line, a trailing comment stays whole. A quoted word longer than a line is broken at a space inside
 * its double quotes, with the continuation unindented: a backslash-newline
 * inside double quotes is removed by the shell, the space before it kept.
 */
export function wrapCommand(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  // The words and, before each but the first, how the shell reads the space there.
  const words: { text: string; before: 'outside' | 'inside' }[] = [];
  let current = '';
  let quote: string | undefined;
  let before: 'outside' | 'inside' = 'outside';
  const endWord = (next: typeof before) => {
    words.push({ text: current, before });
    current = '';
    before = next;
  };
  for (const [index, char] of [...line].entries()) {
    // A comment is one word to the end: a backslash in it would not continue the line.
    if (char === '#' && !quote && !current) {
      current = line.slice(index);
      break;
    }
    if (char === ' ' && quote !== "'") {
      if (!quote) {
        if (current) endWord('outside');
        continue;
      }
      endWord('inside');
      continue;
    }
    if (quote ? char === quote : char === '"' || char === "'") quote = quote ? undefined : char;
    current += char;
  }
  if (current) endWord('outside');
  // An option and its value, and the prompt and the command, form one unit.
  const units: { text: string; before: 'outside' | 'inside' }[] = [];
  for (const word of words) {
    const previous = units.at(-1)?.text.split(' ').at(-1);
    const takesValue = previous !== undefined && /^-[^=]*$/.test(previous) && !word.text.startsWith('-');
    if (units.length && word.before === 'outside' && (takesValue || previous === '$')) units.at(-1)!.text += ` ${word.text}`;
    else units.push({ text: word.text, before: word.before });
  }
  const lines: string[] = [];
  let building = units[0]!.text;
  for (const unit of units.slice(1)) {
    const joined = `${building} ${unit.text}`;
    if (`${joined} \\`.length <= width) {
      building = joined;
    } else {
      lines.push(`${building} \\`);
      building = unit.before === 'inside' ? unit.text : `    ${unit.text}`;
    }
  }
  lines.push(building);
  return lines;
}
