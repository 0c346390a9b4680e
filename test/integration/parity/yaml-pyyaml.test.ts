import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatYaml, formatYamlFields } from '../../../src/output/formatters/yaml.js';
import type { Value } from '../../../src/output/result.js';

/**
 * `-f yaml` against PyYAML itself: the same values through ucinder's
 * formatter and through cliff's YAML formatter (the Debian python3-cliff
 * and python3-yaml that `openstack` runs, installed by testbed.sh), compared
 * byte for byte. Python runs once for the whole table.
 */
const PYTHON = '/usr/bin/python3';
const CLIFF_YAML = '/usr/lib/python3/dist-packages/cliff/formatters/yaml_format.py';

/** Strings PyYAML quotes, folds or escapes in its own way. */
const TRICKY: string[] = [
  // Words and numbers a YAML 1.1 reader would type (and the ones PyYAML leaves plain).
  'n',
  'y',
  'N',
  'Y',
  'yes',
  'No',
  'on',
  'OFF',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '',
  '007',
  '08',
  '1e3',
  '1E3',
  '1.0e+3',
  '0x1F',
  '0b101',
  '.5',
  '1_000',
  '-1',
  '+1',
  '1:30',
  '190:20:30',
  '12.',
  '.inf',
  '-.Inf',
  '.NaN',
  '2024-01-01',
  '2024-1-1 10:00:00',
  '2026-11-28T15:43:31.322022',
  '2026-11-28T15:43:31Z',
  '=',
  '<<',
  '!',
  '&',
  '*',
  // Indicators in first place, and inside.
  '-',
  '- x',
  '-x',
  '--x',
  '---',
  '--- x',
  '...',
  '... x',
  '?',
  '? x',
  '?x',
  ':',
  ': x',
  ':x',
  'a:b',
  'a: b',
  'a:',
  'ends with colon:',
  '!tag',
  '&anchor',
  '*alias',
  '%percent',
  '@at',
  '`tick',
  '#hash',
  'a #b',
  'a#b',
  '|pipe',
  '>fold',
  ',comma',
  'a,b',
  '[x]',
  'a[x]',
  '{x}',
  'a{x}',
  'x]',
  'a?b',
  // Quotes of both kinds, backslashes.
  "it's",
  "'quoted'",
  '"quoted"',
  `mixed ' and "`,
  'back\\slash',
  '"',
  "'",
  // Whitespace: leading, trailing, tabs, line breaks, carriage returns.
  ' lead',
  'trail ',
  '  ',
  ' ',
  'tab\there',
  '\tlead tab',
  'trail tab\t',
  'line1\nline2',
  'line1\n\nline3',
  'trail break\n',
  '\nlead break',
  'space \nbreak',
  'break\n space',
  'a\r\nb',
  'cr\r',
  'x\n',
  'yes\n',
  '007\n',
  // Non-ASCII: Latin-1, BMP, beyond the BMP, controls and special spaces.
  'München',
  'Ünïcode',
  'naïve café',
  'ß',
  '\u00a0nbsp',
  'nb\u00a0sp',
  'Ελληνικά',
  '日本語のボリューム',
  '𝄞 clef',
  'emoji 😀 end',
  '\u{10FFFF}',
  '\u2028ls',
  'nel\x85',
  '\ufeffbom',
  '\u0000nul',
  'bell\x07',
  'esc\x1b[0m',
  'del\x7f',
  '\ud800lone surrogate',
  // Long: folded at 80 columns when there are spaces, never inside a word.
  'A description that is longer than the eighty columns PyYAML allows on a line: it keeps going and going.',
  'x'.repeat(100),
  `${'word '.repeat(30)}end`,
  `${'a'.repeat(79)} b`,
  `${'a'.repeat(78)} b c`,
  `${'a'.repeat(80)}`,
  `${'a '.repeat(60)}`,
  `long with  double  spaces ${'and more words '.repeat(8)}`,
  `Ünïcode with a long tail that goes past the eighty column limit of the PyYAML emitter for sure ${'ü '.repeat(20)}`,
  `it's a long single-quoted text because of the #hash and the 'quotes' in it, ${'and it goes on '.repeat(5)}`,
  `a long line\nwith a break and then ${'more text '.repeat(12)}`,
  `${'tab\t'.repeat(30)}`,
  `"${'quoted words '.repeat(10)}"`,
  `${'é'.repeat(90)}`,
  `${'x'.repeat(50)}  ${'y'.repeat(50)}`,
  `${' '.repeat(85)}x`,
];

/** A fixed-seed generator (mulberry32), so that a failing fuzz case comes back. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  'a',
  'b',
  'Z',
  '0',
  '7',
  ' ',
  ' ',
  ' ',
  '-',
  ':',
  '#',
  '?',
  "'",
  '"',
  '\\',
  '\n',
  '\t',
  '.',
  ',',
  '[',
  '{',
  'é',
  '€',
  '😀',
  '\u00a0',
  '\r',
  '!',
  '&',
  '*',
  'e',
  '_',
  'x',
];

function fuzzStrings(count: number): string[] {
  const next = random(18);
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() ** 2 * 200);
    return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
  });
}

/** Each string as a value, a key, a list item and deep inside lists and maps (the indentation shifts where it folds). */
function placements(text: string): Value[] {
  return [{ key: text }, { [text]: 'value' }, [text], [{ id: 'x', nested: { deeper: [[text], { [text]: [text] }] } }]];
}

const OTHER_VALUES: Value[] = [
  [],
  {},
  null,
  'root',
  '',
  'yes',
  7,
  -0,
  1.5,
  0.1,
  1e-5,
  1e16,
  1e21,
  2 ** 60,
  -2.5e-300,
  123456789.125,
  true,
  false,
  [0.30000000000000004, 5e-324, 1.7976931348623157e308, 1e15 + 0.5, 2 ** 53 + 2, -1e-7, 1234.5e10, 0.000123],
  { empty_list: [], empty_map: {}, none: null, t: true, f: false, zero: 0, int: 42, neg: -7, float: 3.25 },
  [[[]], [{}], [[1, 2], [3]], [{ a: [] }]],
  { Z: 1, a: 2, B: 3, _: 4, '0': 5, 'é': 6, '\ue000': 7, '😀': 8, ' ': 9, 'A long key ': 10 },
  { ['k'.repeat(122)]: 'just simple', ['k'.repeat(123)]: 'a ? key', ['é'.repeat(130)]: ['list under a complex key'] },
  [{ ID: '9881a9fb-0e61-4c2b-b708-ce32f1ff865c', Name: 'vol', Size: 1, Status: 'available', 'Attached to': [] }],
  { properties: { n: '007', y: 'yes', key: 'München' }, attachments: [{ server_id: 's', device: '/dev/vdb' }] },
];

interface PythonResult {
  dumps: string[];
  lists: string[];
  shows: string[];
}

/**
 * cliff's own formatter on the same data: emit_list for rows under
 * columns, emit_one for one record's fields (one safe_dump per field), and
 * safe_dump with cliff's arguments for any other value.
 */
function viaCliff(values: Value[], listings: { columns: string[]; rows: Value[][] }[], shows: [string, Value][][]): PythonResult {
  const script = `
import io, json, sys
import yaml
from cliff.formatters.yaml_format import YAMLFormatter
cases = json.load(sys.stdin)
formatter = YAMLFormatter()
def dump(value):
    stream = io.StringIO()
    yaml.safe_dump(value, stream=stream, default_flow_style=False)
    return stream.getvalue()
def emit_list(listing):
    stream = io.StringIO()
    formatter.emit_list(listing['columns'], [tuple(row) for row in listing['rows']], stream, None)
    return stream.getvalue()
def emit_one(fields):
    stream = io.StringIO()
    formatter.emit_one([name for name, _ in fields], [value for _, value in fields], stream, None)
    return stream.getvalue()
json.dump({'dumps': [dump(v) for v in cases['values']], 'lists': [emit_list(l) for l in cases['listings']],
           'shows': [emit_one(s) for s in cases['shows']]}, sys.stdout)
`;
  // JSON carries lone surrogates as \\ud800 escapes, which Python reads back as the same code point.
  const input = JSON.stringify({ values, listings, shows });
  const output = execFileSync(PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output) as PythonResult;
}

describe('-f yaml is byte for byte what PyYAML writes for cliff', () => {
  it('cliff still calls safe_dump(..., default_flow_style=False): the settings ucinder copies', () => {
    const source = readFileSync(CLIFF_YAML, 'utf8');
    expect(source).toContain('yaml.safe_dump(items, stream=stdout, default_flow_style=False)');
    expect(source).toContain('yaml.safe_dump(dict_data, stream=stdout, default_flow_style=False)');
  });

  const fuzz = fuzzStrings(400);
  const strings = [...TRICKY, ...fuzz];
  const values: Value[] = [...strings.flatMap(placements), ...OTHER_VALUES];
  const listings = [
    { columns: ['ID', 'Name', 'Status', 'Size', 'Attached to'], rows: TRICKY.map((text, i): Value[] => [`id-${i}`, text, 'available', i, []]) },
    { columns: ['b', 'a', 'n', 'Z'], rows: [[fuzz[0]!, fuzz[1]!, null, { y: [fuzz[2]!] }]] },
  ];
  const shows: [string, Value][][] = [
    // A resource's fields in the order cliff prints them (not necessarily sorted).
    [
      ['name', 'München'],
      ['id', 'x'],
      ['properties', { n: '007', y: 'yes', ü: 'ü' }],
      ['description', TRICKY.at(-10)!],
      ['size', 1],
    ],
    TRICKY.slice(0, 40).map((text, i): [string, Value] => [`field ${i} ${text}`, text]),
  ];

  it(`${strings.length} strings (${TRICKY.length} chosen, ${fuzz.length} fuzzed) in 4 placements, other values, listings and records`, () => {
    const python = viaCliff(values, listings, shows);
    const differing = values.map((value, i) => ({ value, pyyaml: python.dumps[i], ucinder: formatYaml(value) })).filter((row) => row.pyyaml !== row.ucinder);
    expect(differing).toEqual([]);
    expect(listings.map((l) => formatYaml(l.rows.map((row) => Object.fromEntries(l.columns.map((c, i) => [c, row[i]!])))))).toEqual(python.lists);
    expect(shows.map((fields) => formatYamlFields(fields))).toEqual(python.shows);
    // The table was really compared (not two empty lists).
    expect(python.dumps).toHaveLength(values.length);
    expect(python.dumps[0]).toBe('key: n\n');
  });
});
