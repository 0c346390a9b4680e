import { describe, expect, it } from 'vitest';
import { formatYaml, formatYamlFields } from '../../../../src/output/formatters/yaml.js';

// Expected texts are what PyYAML's safe_dump(default_flow_style=False) prints
// (cliff's -f yaml) for the same data, checked with /usr/bin/python3;
// test/integration/parity/yaml-pyyaml.test.ts runs PyYAML on thousands more.
describe('yaml formatter', () => {
  it('quotes every string a YAML parser would read as something else', () => {
    const text = formatYaml({
      a: 'yes',
      b: '1.0',
      c: 'a: b',
      d: '',
      e: ' leading space',
      f: 'trailing ',
      g: 'null',
      h: '~',
      i: '#not a comment',
      j: 'x #y',
      k: '2024-05-01',
      l: 'Off',
      m: '- item',
      o: '*alias',
      p: 'ends:',
      q: '{a}',
    });
    expect(text).toBe(
      [
        "a: 'yes'",
        "b: '1.0'",
        "c: 'a: b'",
        "d: ''",
        "e: ' leading space'",
        "f: 'trailing '",
        "g: 'null'",
        "h: '~'",
        "i: '#not a comment'",
        "j: 'x #y'",
        "k: '2024-05-01'",
        "l: 'Off'",
        "m: '- item'",
        "o: '*alias'",
        "p: 'ends:'",
        "q: '{a}'",
        '',
      ].join('\n'),
    );
  });

  it('leaves ordinary strings plain, including Cinder host names and colon keys', () => {
    expect(formatYaml({ 'os-vol-host-attr:host': 'node1@mmj#pool', url: 'http://c:8776/v3', name: 'vol 1' })).toBe(
      'name: vol 1\nos-vol-host-attr:host: node1@mmj#pool\nurl: http://c:8776/v3\n',
    );
  });

  it('leaves y, n and 1e3 plain as PyYAML does (its YAML 1.1 resolver reads them as text), quotes no and 007', () => {
    expect(formatYaml({ no: 1, y: 2, n: '007', e: '1e3' })).toBe("e: 1e3\nn: '007'\n'no': 1\ny: 2\n");
  });

  it('escapes what is not printable ASCII inside double quotes, PyYAML style; folds a line break inside single quotes', () => {
    expect(formatYaml({ a: 'x\ny', b: 'tab\there', c: 'del\u007f', d: 'ls\u2028', e: 'quote " and \\', f: 'M\u00fcnchen', g: '\u{1D11E}', h: 'nb\u00a0sp' })).toBe(
      'a: \'x\n\n  y\'\nb: "tab\\there"\nc: "del\\x7F"\nd: "ls\\L"\ne: quote " and \\\nf: "M\\xFCnchen"\ng: "\\U0001D11E"\nh: "nb\\_sp"\n',
    );
  });

  it('folds text longer than 80 columns at a space: plain, single-quoted, and double-quoted with a backslash', () => {
    expect(
      formatYaml({
        description: 'A description that is longer than the eighty columns PyYAML allows on a line: it keeps going and going.',
        name: '\u00dcn\u00efcode with a long tail that goes past the eighty column limit of the PyYAML emitter',
      }),
    ).toBe(
      "description: 'A description that is longer than the eighty columns PyYAML allows on\n  a line: it keeps going and going.'\n" +
        'name: "\\xDCn\\xEFcode with a long tail that goes past the eighty column limit of the\\\n  \\ PyYAML emitter"\n',
    );
  });

  it('writes scalars of every type, floats as Python repr()s them', () => {
    expect(formatYaml({ n: 1.5, neg: -2, t: true, f: false, z: null, u: undefined, small: 1e-5, tiny: 1.25e-7, huge: 1e21, tenth: 0.0001 })).toBe(
      'f: false\nhuge: 1.0e+21\nn: 1.5\nneg: -2\nsmall: 1.0e-05\nt: true\ntenth: 0.0001\ntiny: 1.25e-07\nu: null\nz: null\n',
    );
  });

  it('sorts keys by code point and writes a key of 123 characters or more as a ? key', () => {
    expect(formatYaml({ '\u{1F600}': 3, '\ue000': 2, ['k'.repeat(123)]: 1 })).toBe(`? ${'k'.repeat(123)}\n: 1\n"\\uE000": 2\n"\\U0001F600": 3\n`);
  });

  it("keeps a resource's fields in the order given, one document per field as cliff dumps them", () => {
    expect(
      formatYamlFields([
        ['name', 'v'],
        ['id', 'x'],
        ['properties', { y: 'yes', a: [] }],
      ]),
    ).toBe("name: v\nid: x\nproperties:\n  a: []\n  y: 'yes'\n");
  });

  it("nests lists and maps in blocks, a list under a key at the key's column, empty ones inline", () => {
    expect(
      formatYaml([
        { id: 'a', tags: ['x', 'y'], meta: {}, list: [], pairs: [[1, 2]] },
        { id: 'b', deep: { k: { j: 'v' } } },
      ]),
    ).toBe(['- id: a', '  list: []', '  meta: {}', '  pairs:', '  - - 1', '    - 2', '  tags:', '  - x', '  - y', '- deep:', '    k:', '      j: v', '  id: b', ''].join('\n'));
  });

  it('writes an empty list as []', () => {
    expect(formatYaml([])).toBe('[]\n');
  });
});
