import { describe, expect, it } from 'vitest';
import { formatYaml } from '../../../../src/output/formatters/yaml.js';

// Expected texts are what PyYAML's safe_dump(default_flow_style=False) prints
// (cliff's -f yaml) for the same data, checked with /usr/bin/python3, except
// where a test says otherwise.
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

  it('quotes reserved words used as keys (y and n too, which PyYAML leaves plain: YAML 1.1 parsers read them as booleans)', () => {
    expect(formatYaml({ no: 1, y: 2 })).toBe("'no': 1\n'y': 2\n");
  });

  it("leaves IDs that start with a digit and words with an apostrophe plain, quotes numbers and times in text", () => {
    expect(formatYaml({ ID: '9881a9fb-0e61-4c2b-b708-ce32f1ff865c', t: '2026-11-28T15:43:31.322022', q: "it's", num: '123' })).toBe(
      "ID: 9881a9fb-0e61-4c2b-b708-ce32f1ff865c\nnum: '123'\nq: it's\nt: '2026-11-28T15:43:31.322022'\n",
    );
  });

  // PyYAML folds a newline inside single quotes and escapes non-ASCII; ucinder uses JSON-style escapes (the same data).
  it('escapes control characters and line separators inside double quotes', () => {
    expect(formatYaml({ a: 'x\ny', b: 'tab\there', c: 'del\u007f', d: 'ls\u2028', e: 'quote " and \\' })).toBe(
      'a: "x\\ny"\nb: "tab\\there"\nc: "del\\u007f"\nd: "ls\\u2028"\ne: \'quote " and \\\'\n',
    );
  });

  it('writes scalars of every type', () => {
    expect(formatYaml({ n: 1.5, neg: -2, t: true, f: false, z: null, u: undefined })).toBe(
      "f: false\n'n': 1.5\nneg: -2\nt: true\nu: null\nz: null\n",
    );
  });

  it('nests lists and maps in blocks, a list under a key at the key\'s column, empty ones inline', () => {
    expect(formatYaml([{ id: 'a', tags: ['x', 'y'], meta: {}, list: [], pairs: [[1, 2]] }, { id: 'b', deep: { k: { j: 'v' } } }])).toBe(
      [
        '- id: a',
        '  list: []',
        '  meta: {}',
        '  pairs:',
        '  - - 1',
        '    - 2',
        '  tags:',
        '  - x',
        "  - 'y'",
        '- deep:',
        '    k:',
        '      j: v',
        '  id: b',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty list as []', () => {
    expect(formatYaml([])).toBe('[]\n');
  });
});
