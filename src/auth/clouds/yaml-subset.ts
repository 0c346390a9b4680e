/**
 * A YAML reader for the subset clouds.yaml and secure.yaml use: block
 * mappings and sequences, plain/single/double-quoted scalars, flow [..] and
 * {..} collections, comments, block scalars (| and >), anchors, aliases and
 * `<<` merge keys. Scalars are typed as PyYAML (YAML 1.1, what openstacksdk
 * uses) types them: yes/no/on/off are booleans, `~` is null.
 *
 * Written here because ucinder takes no new dependencies, and a full YAML
 * library would cost start-up time on every clouds.yaml read.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export class YamlError extends Error {
  override name = 'YamlError';
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
  }
}

interface Line {
  /** 1-based line number in the file. */
  number: number;
  indent: number;
  /** Content after the indentation, comment removed, trailing space trimmed. */
  text: string;
  /** The raw line, for block scalars (which keep '#' and spacing). */
  raw: string;
}

export function parseYaml(source: string): YamlValue {
  return new Parser(source).parseDocument();
}

class Parser {
  private readonly lines: Line[] = [];
  private position = 0;
  private readonly anchors = new Map<string, YamlValue>();

  constructor(source: string) {
    const rawLines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
    rawLines.forEach((raw, index) => {
      const number = index + 1;
      const indentText = /^[ \t]*/.exec(raw)![0];
      if (indentText.includes('\t') && raw.trim() !== '') {
        throw new YamlError('tabs are not allowed in indentation', number);
      }
      const text = stripComment(raw.slice(indentText.length)).trimEnd();
      this.lines.push({ number, indent: indentText.length, text, raw });
    });
  }

  parseDocument(): YamlValue {
    this.skipBlank();
    const first = this.lines[this.position];
    if (first && (first.text === '---' || first.text.startsWith('--- '))) {
      const rest = first.text.slice(3).trim();
      if (rest) {
        this.position++;
        return this.parseInline(rest, first.number);
      }
      this.position++;
      this.skipBlank();
    }
    const start = this.lines[this.position];
    if (!start || start.text === '...') return null;
    const value = this.parseNode(start.indent);
    this.skipBlank();
    const extra = this.lines[this.position];
    if (extra && extra.text !== '...' && extra.text !== '---') {
      throw new YamlError(`unexpected content '${extra.text}' (check the indentation)`, extra.number);
    }
    return value;
  }

  /** Skips empty and comment-only lines. */
  private skipBlank(): void {
    while (this.position < this.lines.length && this.lines[this.position]!.text === '') this.position++;
  }

  private current(): Line | undefined {
    this.skipBlank();
    return this.lines[this.position];
  }

  /** A block node whose first line is at `indent`. */
  private parseNode(indent: number): YamlValue {
    const line = this.current()!;
    if (isSequenceEntry(line.text)) return this.parseSequence(indent);
    if (findMappingColon(line.text) >= 0) return this.parseMapping(indent);
    // A lone scalar (possibly spanning lines) as the whole node.
    this.position++;
    return this.parseInline(this.foldContinuation(line.text, indent - 1), line.number);
  }

  private parseSequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = this.current(); line && line.indent === indent && isSequenceEntry(line.text); line = this.current()) {
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.position++;
        items.push(this.parseChildOrNull(indent));
        continue;
      }
      // "- key: value" or "- - x": the item is a block node starting at the
      // column after the dash; re-read this line as if it were indented so.
      const column = indent + (line.text.length - rest.length);
      if (isSequenceEntry(rest) || (findMappingColon(rest) >= 0 && !startsFlowOrQuote(rest))) {
        this.lines[this.position] = { ...line, indent: column, text: rest };
        items.push(this.parseNode(column));
        continue;
      }
      this.position++;
      items.push(this.parseValueText(rest, line, indent));
    }
    return items;
  }

  private parseMapping(indent: number): { [key: string]: YamlValue } {
    const map: { [key: string]: YamlValue } = {};
    const merges: YamlValue[] = [];
    for (let line = this.current(); line && line.indent === indent; line = this.current()) {
      if (isSequenceEntry(line.text)) throw new YamlError('a list item where a key was expected', line.number);
      const colon = findMappingColon(line.text);
      if (colon < 0) throw new YamlError(`expected 'key: value', found '${line.text}'`, line.number);
      const key = scalarKey(line.text.slice(0, colon).trim(), line.number);
      const rest = line.text.slice(colon + 1).trim();
      this.position++;
      let value: YamlValue;
      if (rest === '' || /^&[^\s]+$/.test(rest)) {
        value = this.parseChildOrNull(indent, true);
        if (rest) this.anchors.set(rest.slice(1), value);
      } else {
        value = this.parseValueText(rest, line, indent);
      }
      if (key === '<<') merges.push(value);
      else map[key] = value;
    }
    if (merges.length === 0) return map;
    // Explicit keys win over merged ones; earlier merge sources win over later ones.
    const merged: { [key: string]: YamlValue } = {};
    for (const source of merges.flatMap((value) => (Array.isArray(value) ? value : [value])).reverse()) {
      if (!source || typeof source !== 'object' || Array.isArray(source)) {
        throw new YamlError("'<<' needs a mapping (or a list of mappings) to merge", 0);
      }
      Object.assign(merged, source);
    }
    return Object.assign(merged, map);
  }

  /** The block under a "key:" or "-" line, or null when nothing is indented under it. */
  private parseChildOrNull(parentIndent: number, allowSameIndentSequence = false): YamlValue {
    const next = this.current();
    if (!next) return null;
    if (next.indent > parentIndent) return this.parseNode(next.indent);
    // "key:\n- a\n- b" — a sequence may sit at the key's own indentation.
    if (allowSameIndentSequence && next.indent === parentIndent && isSequenceEntry(next.text)) {
      return this.parseSequence(parentIndent);
    }
    return null;
  }

  /** The text after "key:" or "- ": a scalar, flow collection, alias, anchor or block scalar. */
  private parseValueText(text: string, line: Line, parentIndent: number): YamlValue {
    let rest = text;
    let anchor: string | undefined;
    const anchorMatch = /^&([^\s]+)\s+/.exec(rest);
    if (anchorMatch) {
      anchor = anchorMatch[1];
      rest = rest.slice(anchorMatch[0].length);
    }
    let value: YamlValue;
    if (/^[|>][-+]?\d?$/.test(rest)) value = this.parseBlockScalar(rest, parentIndent);
    else if (rest.startsWith('[') || rest.startsWith('{')) value = this.parseInline(this.collectFlow(rest), line.number);
    else if (rest.startsWith('"') || rest.startsWith("'")) value = this.parseInline(this.collectQuoted(rest), line.number);
    else value = this.parseInline(this.foldContinuation(rest, parentIndent), line.number);
    if (anchor) this.anchors.set(anchor, value);
    return value;
  }

  /** Plain scalars may continue on more-indented lines; they join with spaces. */
  private foldContinuation(text: string, parentIndent: number): string {
    let result = text;
    for (let next = this.current(); next && next.indent > parentIndent && !isSequenceEntry(next.text) && findMappingColon(next.text) < 0; next = this.current()) {
      result += ` ${next.text}`;
      this.position++;
    }
    return result;
  }

  /** A flow collection may span lines until its brackets balance. */
  private collectFlow(text: string): string {
    let result = text;
    while (!flowBalanced(result)) {
      const next = this.current();
      if (!next) break;
      result += ` ${next.text}`;
      this.position++;
    }
    return result;
  }

  /** A quoted scalar may span lines until its closing quote. */
  private collectQuoted(text: string): string {
    let result = text;
    while (!quoteClosed(result)) {
      const next = this.lines[this.position];
      if (!next) break;
      result += ` ${next.raw.trim()}`;
      this.position++;
    }
    return result;
  }

  private parseBlockScalar(header: string, parentIndent: number): string {
    const folded = header.startsWith('>');
    const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
    const body: string[] = [];
    let blockIndent: number | undefined;
    while (this.position < this.lines.length) {
      const line = this.lines[this.position]!;
      const blank = line.raw.trim() === '';
      if (!blank) {
        const indent = /^ */.exec(line.raw)![0].length;
        if (indent <= parentIndent) break;
        blockIndent ??= indent;
        if (indent < blockIndent) break;
      }
      body.push(blank ? '' : line.raw.slice(blockIndent));
      this.position++;
    }
    let trailingBlank = 0;
    while (body.length && body[body.length - 1] === '') {
      body.pop();
      trailingBlank++;
    }
    let text = folded ? foldLines(body) : body.join('\n');
    if (chomp === 'clip' && body.length) text += '\n';
    if (chomp === 'keep') text += '\n'.repeat(trailingBlank + (body.length ? 1 : 0));
    return text;
  }

  private parseInline(text: string, lineNumber: number): YamlValue {
    const reader = new FlowReader(text, lineNumber, this.anchors);
    const value = reader.readValue(false);
    reader.expectEnd();
    return value;
  }
}

/** Reads one inline value: scalar, quoted string, alias or flow collection. */
class FlowReader {
  private index = 0;
  constructor(
    private readonly text: string,
    private readonly lineNumber: number,
    private readonly anchors: Map<string, YamlValue>,
  ) {}

  expectEnd(): void {
    this.skipSpace();
    if (this.index < this.text.length) this.fail(`unexpected '${this.text.slice(this.index)}'`);
  }

  readValue(inFlow: boolean): YamlValue {
    this.skipSpace();
    const char = this.text[this.index];
    if (char === '[') return this.readSequence();
    if (char === '{') return this.readMapping();
    if (char === '"') return this.readDoubleQuoted();
    if (char === "'") return this.readSingleQuoted();
    if (char === '*') {
      const name = /^\*([^\s,\]}]+)/.exec(this.text.slice(this.index))![1]!;
      this.index += name.length + 1;
      if (!this.anchors.has(name)) this.fail(`unknown alias '*${name}'`);
      return this.anchors.get(name)!;
    }
    if (char === '&') {
      const name = /^&([^\s,\]}]+)/.exec(this.text.slice(this.index))![1]!;
      this.index += name.length + 1;
      const value = this.readValue(inFlow);
      this.anchors.set(name, value);
      return value;
    }
    return typedScalar(this.readPlain(inFlow));
  }

  private readPlain(inFlow: boolean): string {
    const start = this.index;
    while (this.index < this.text.length) {
      const char = this.text[this.index]!;
      if (inFlow && (char === ',' || char === ']' || char === '}')) break;
      if (inFlow && char === ':' && /[\s,\]}]/.test(this.text[this.index + 1] ?? ' ')) break;
      this.index++;
    }
    return this.text.slice(start, this.index).trim();
  }

  private readSequence(): YamlValue[] {
    this.index++; // [
    const items: YamlValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] === ']') {
        this.index++;
        return items;
      }
      items.push(this.readValue(true));
      this.skipSpace();
      const char = this.text[this.index];
      if (char === ',') this.index++;
      else if (char !== ']') this.fail("expected ',' or ']' in a flow list");
    }
  }

  private readMapping(): { [key: string]: YamlValue } {
    this.index++; // {
    const map: { [key: string]: YamlValue } = {};
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] === '}') {
        this.index++;
        return map;
      }
      const key = this.readValue(true);
      this.skipSpace();
      let value: YamlValue = null;
      if (this.text[this.index] === ':') {
        this.index++;
        value = this.readValue(true);
      }
      map[key === null ? '' : String(key)] = value;
      this.skipSpace();
      const char = this.text[this.index];
      if (char === ',') this.index++;
      else if (char !== '}') this.fail("expected ',' or '}' in a flow mapping");
    }
  }

  private readSingleQuoted(): string {
    let result = '';
    this.index++;
    for (;;) {
      if (this.index >= this.text.length) this.fail('unterminated single-quoted string');
      const char = this.text[this.index]!;
      if (char === "'") {
        if (this.text[this.index + 1] === "'") {
          result += "'";
          this.index += 2;
          continue;
        }
        this.index++;
        return result;
      }
      result += char;
      this.index++;
    }
  }

  private readDoubleQuoted(): string {
    let result = '';
    this.index++;
    for (;;) {
      if (this.index >= this.text.length) this.fail('unterminated double-quoted string');
      const char = this.text[this.index]!;
      if (char === '"') {
        this.index++;
        return result;
      }
      if (char === '\\') {
        const next = this.text[this.index + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ', e: '\x1b' };
        if (next !== undefined && next in simple) {
          result += simple[next];
          this.index += 2;
          continue;
        }
        const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
        const digits = this.text.slice(this.index + 2, this.index + 2 + hex);
        if (!hex || !/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) this.fail(`bad escape '\\${next ?? ''}'`);
        result += String.fromCodePoint(parseInt(digits, 16));
        this.index += 2 + hex;
        continue;
      }
      result += char;
      this.index++;
    }
  }

  private skipSpace(): void {
    while (this.text[this.index] === ' ' || this.text[this.index] === '\t') this.index++;
  }

  private fail(message: string): never {
    throw new YamlError(message, this.lineNumber);
  }
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const FALSES = new Set(['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const INTEGER = /^[-+]?(0|[1-9][0-9_]*)$/;
const FLOAT = /^[-+]?(\d[\d_]*)?\.\d+([eE][-+]?\d+)?$|^[-+]?\d[\d_]*(\.\d*)?[eE][-+]?\d+$/;

/** PyYAML's (YAML 1.1) implicit types for a plain scalar. */
function typedScalar(text: string): YamlValue {
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  if (INTEGER.test(text) || FLOAT.test(text)) return Number(text.replace(/_/g, ''));
  return text;
}

function scalarKey(text: string, lineNumber: number): string {
  if (text.startsWith('"') || text.startsWith("'")) {
    const reader = new FlowReader(text, lineNumber, new Map());
    const value = reader.readValue(false);
    reader.expectEnd();
    return String(value);
  }
  return text;
}

function isSequenceEntry(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function startsFlowOrQuote(text: string): boolean {
  return /^["'[{]/.test(text);
}

/** Index of the ': ' (or final ':') that separates a block key from its value, outside quotes. */
function findMappingColon(text: string): number {
  let quote: string | undefined;
  if (text.startsWith('[') || text.startsWith('{')) return -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if ((char === '"' || char === "'") && index === 0) {
      quote = char;
      continue;
    }
    if (char === ':' && (index === text.length - 1 || text[index + 1] === ' ')) return index;
  }
  return -1;
}

/** Removes a '#' comment that is at the start or follows whitespace, outside quotes. */
function stripComment(text: string): string {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === "'" && quote === "'" && text[index + 1] === "'") index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if ((char === '"' || char === "'") && (index === 0 || /[\s:[{,-]/.test(text[index - 1]!))) quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]!))) return text.slice(0, index);
  }
  return text;
}

function flowBalanced(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
  }
  return depth <= 0;
}

function quoteClosed(text: string): boolean {
  const quote = text[0]!;
  for (let index = 1; index < text.length; index++) {
    const char = text[index]!;
    if (quote === '"' && char === '\\') index++;
    else if (char === quote) {
      if (quote === "'" && text[index + 1] === "'") index++;
      else return true;
    }
  }
  return false;
}

/** Folded block scalar: single newlines become spaces, blank lines stay newlines. */
function foldLines(lines: string[]): string {
  let text = '';
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (line === '') text += '\n';
    else if (index === 0 || previous === '') text += line;
    else if (line.startsWith(' ') || previous!.startsWith(' ')) text += `\n${line}`;
    else text += ` ${line}`;
  });
  return text;
}
