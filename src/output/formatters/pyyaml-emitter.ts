import { readsAsText } from '../../pyyaml-resolver.js';

/**
 * A node as PyYAML's SafeRepresenter hands it to the emitter: a scalar's
 * text (a non-string already written as `null`, `true`, `12`, `1.5`), or a
 * block of items in their final order.
 */
export type YamlNode = { kind: 'scalar'; text: string; isString: boolean } | { kind: 'sequence'; items: YamlNode[] } | { kind: 'mapping'; pairs: [YamlNode, YamlNode][] };

/**
 * PyYAML's Emitter (yaml/emitter.py, 6.0) for what `safe_dump(data,
 * default_flow_style=False)` emits: one implicit document, block
 * collections, empty ones as `[]`/`{}`, no anchors (JSON-shaped data shares
 * no objects), no tags, width 80, indent 2, allow_unicode off. It is ported
 * writer by writer, with the same column bookkeeping, because the layout
 * (where a long scalar folds, which style a scalar gets) follows from those
 * details; test/integration/parity/yaml-pyyaml.test.ts compares its bytes
 * with PyYAML's. Text is handled in code points, as Python's str is.
 */
export function emitYaml(root: YamlNode): string {
  return new Emitter().document(root);
}

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
const BREAKS = '\n\x85\u2028\u2029';
const SPACES_AND_BREAKS = ` ${BREAKS}`;
/** After these a leading `-`, `?` or `:` is not an indicator. */
const WHITESPACE = `\0 \t\r${BREAKS}`;
/** A string key is written as `? key` once '!!str' plus the key reach 128 characters (check_simple_key). */
const SIMPLE_KEY_LIMIT = 128 - '!!str'.length;

const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\x08': 'b',
  '\t': 't',
  '\n': 'n',
  '\x0B': 'v',
  '\x0C': 'f',
  '\r': 'r',
  '\x1B': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xA0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

interface Analysis {
  chars: string[];
  empty: boolean;
  multiline: boolean;
  allowFlowPlain: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

interface Context {
  root?: boolean;
  sequence?: boolean;
  mapping?: boolean;
  simpleKey?: boolean;
}

class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private openEnded = false;
  private indent: number | null = null;
  private readonly indents: (number | null)[] = [];
  private flowLevel = 0;
  private context: Context = {};

  document(root: YamlNode): string {
    this.node(root, { root: true });
    this.writeIndent();
    // A plain scalar as the whole document leaves it open: `...` closes it.
    if (this.openEnded) {
      this.writeIndicator('...', true);
      this.writeIndent();
    }
    return this.out.join('');
  }

  private node(node: YamlNode, context: Context): void {
    this.context = context;
    if (node.kind === 'scalar') this.scalar(node);
    else if (node.kind === 'sequence') {
      if (node.items.length === 0) this.emptyFlow('[', ']');
      else this.blockSequence(node.items);
    } else if (node.pairs.length === 0) this.emptyFlow('{', '}');
    else this.blockMapping(node.pairs);
  }

  private increaseIndent(flow: boolean, indentless = false): void {
    this.indents.push(this.indent);
    if (this.indent === null) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true);
    this.flowLevel += 1;
    this.increaseIndent(true);
    this.indent = this.indents.pop()!;
    this.flowLevel -= 1;
    this.writeIndicator(close, false);
  }

  private blockSequence(items: YamlNode[]): void {
    this.increaseIndent(false, !!this.context.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { sequence: true });
    }
    this.indent = this.indents.pop()!;
  }

  private blockMapping(pairs: [YamlNode, YamlNode][]): void {
    this.increaseIndent(false);
    for (const [key, value] of pairs) {
      this.writeIndent();
      if (isSimpleKey(key)) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { mapping: true });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, { mapping: true });
    }
    this.indent = this.indents.pop()!;
  }

  private scalar(node: Extract<YamlNode, { kind: 'scalar' }>): void {
    const analysis = analyze(node.text);
    const style = this.chooseStyle(analysis, node.isString ? readsAsText(node.text) : true);
    this.increaseIndent(true);
    const split = !this.context.simpleKey;
    if (style === '"') this.writeDoubleQuoted(analysis.chars, split);
    else if (style === "'") this.writeSingleQuoted(analysis.chars, split);
    else this.writePlain(analysis.chars, split);
    this.indent = this.indents.pop()!;
  }

  /** choose_scalar_style, for scalars without a requested style. */
  private chooseStyle(analysis: Analysis, implicit: boolean): '' | "'" | '"' {
    const simpleKey = !!this.context.simpleKey;
    if (implicit && !(simpleKey && (analysis.empty || analysis.multiline))) {
      if (this.flowLevel ? analysis.allowFlowPlain : analysis.allowBlockPlain) return '';
    }
    if (analysis.allowSingleQuoted && !(simpleKey && analysis.multiline)) return "'";
    return '"';
  }

  // Writers.

  private write(data: string, length = codePoints(data)): void {
    this.column += length;
    this.out.push(data);
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    const data = this.whitespace || !needWhitespace ? indicator : ` ${indicator}`;
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
    this.openEnded = false;
    this.write(data);
  }

  private writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.writeLineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.out.push(' '.repeat(indent - this.column));
      this.column = indent;
    }
  }

  private writeLineBreak(data = '\n'): void {
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
    this.out.push(data);
  }

  private writeSingleQuoted(text: string[], split: boolean): void {
    this.writeIndicator("'", true);
    this.writeRuns(text, split, true);
    this.writeIndicator("'", false);
  }

  /**
   * write_plain and write_single_quoted walk the text the same way, run by
   * run: a single space past column 80 becomes a line break (inside quotes
   * not at either end), line breaks are written doubled after the first
   * (a quoted newline folds), and the rest as it is; quotes double a `'`.
   */
  private writeRuns(text: string[], split: boolean, quoted: boolean): void {
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split && (!quoted || (start !== 0 && end !== text.length))) {
            this.writeIndent();
            if (!quoted) this.whitespace = this.indention = false;
          } else {
            this.write(text.slice(start, end).join(''), end - start);
          }
          start = end;
        }
      } else if (breaks) {
        // Plain text never has a line break: the analysis rules it out.
        if (ch === undefined || !BREAKS.includes(ch)) {
          if (text[start] === '\n') this.writeLineBreak();
          for (const br of text.slice(start, end)) this.writeLineBreak(br);
          this.writeIndent();
          if (!quoted) this.whitespace = this.indention = false;
          start = end;
        }
      } else if (ch === undefined || SPACES_AND_BREAKS.includes(ch) || (quoted && ch === "'")) {
        if (start < end) {
          this.write(text.slice(start, end).join(''), end - start);
          start = end;
        }
      }
      if (quoted && ch === "'") {
        this.write("''", 2);
        start = end + 1;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = BREAKS.includes(ch);
      }
    }
  }

  private writeDoubleQuoted(text: string[], split: boolean): void {
    this.writeIndicator('"', true);
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (ch === undefined || needsEscape(ch)) {
        if (start < end) {
          this.write(text.slice(start, end).join(''), end - start);
          start = end;
        }
        if (ch !== undefined) {
          this.write(escape(ch));
          start = end + 1;
        }
      }
      if (end > 0 && end < text.length - 1 && (ch === ' ' || start >= end) && this.column + (end - start) > BEST_WIDTH && split) {
        this.write(`${text.slice(start, end).join('')}\\`, Math.max(end - start, 0) + 1);
        if (start < end) start = end;
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (text[start] === ' ') this.write('\\', 1);
      }
    }
    this.writeIndicator('"', false);
  }

  private writePlain(text: string[], split: boolean): void {
    if (this.context.root) this.openEnded = true;
    if (text.length === 0) return;
    if (!this.whitespace) this.write(' ', 1);
    this.whitespace = false;
    this.indention = false;
    this.writeRuns(text, split, false);
  }
}

/** check_simple_key for a scalar key: short, not empty, on one line. */
function isSimpleKey(key: YamlNode): boolean {
  if (key.kind !== 'scalar') return false;
  const analysis = analyze(key.text);
  return analysis.chars.length < SIMPLE_KEY_LIMIT && !analysis.empty && !analysis.multiline;
}

/** Printable ASCII is written as it is; everything else escaped (allow_unicode off). */
function needsEscape(ch: string): boolean {
  return ch === '"' || ch === '\\' || !(ch >= ' ' && ch <= '~');
}

function escape(ch: string): string {
  const named = ESCAPES[ch];
  if (named) return `\\${named}`;
  const code = ch.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** analyze_scalar: which styles can carry the text as it is. */
function analyze(scalar: string): Analysis {
  const chars = Array.from(scalar);
  if (chars.length === 0) {
    return { chars, empty: true, multiline: false, allowFlowPlain: false, allowBlockPlain: true, allowSingleQuoted: true };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;

  if (scalar.startsWith('---') || scalar.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || WHITESPACE.includes(chars[1]!);
  let previousSpace = false;
  let previousBreak = false;

  for (let index = 0; index < chars.length; index++) {
    const ch = chars[index]!;
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }

    const isBreak = BREAKS.includes(ch);
    if (isBreak) lineBreaks = true;
    // allow_unicode is off: printable non-ASCII is as special as a control character.
    if (!(ch === '\n' || (ch >= ' ' && ch <= '~'))) specialCharacters = true;

    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }

    precededByWhitespace = WHITESPACE.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || WHITESPACE.includes(chars[index + 2]!);
  }

  let allowFlowPlain = true;
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowFlowPlain = allowBlockPlain = false;
  if (breakSpace) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || specialCharacters) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowFlowPlain = allowBlockPlain = false;
  if (flowIndicators) allowFlowPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { chars, empty: false, multiline: lineBreaks, allowFlowPlain, allowBlockPlain, allowSingleQuoted };
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
