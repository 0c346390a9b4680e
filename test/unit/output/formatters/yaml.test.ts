import { describe, expect, it } from 'vitest';
import { formatYaml } from '../../../../src/output/formatters/yaml.js';

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
        'a: "yes"',
        'b: "1.0"',
        'c: "a: b"',
        'd: ""',
        'e: " leading space"',
        'f: "trailing "',
        'g: "null"',
        'h: "~"',
        'i: "#not a comment"',
        'j: "x #y"',
        'k: "2024-05-01"',
        'l: "Off"',
        'm: "- item"',
        'o: "*alias"',
        'p: "ends:"',
        'q: "{a}"',
        '',
      ].join('\n'),
    );
  });

  it('leaves ordinary strings plain, including Cinder host names and colon keys', () => {
    expect(formatYaml({ 'os-vol-host-attr:host': 'node1@mmj#pool', url: 'http://c:8776/v3', name: 'vol 1' })).toBe(
      'os-vol-host-attr:host: node1@mmj#pool\nurl: http://c:8776/v3\nname: vol 1\n',
    );
  });

  it('quotes reserved words used as keys', () => {
    expect(formatYaml({ no: 1, y: 2 })).toBe('"no": 1\n"y": 2\n');
  });

  it('escapes control characters and line separators inside double quotes', () => {
    expect(formatYaml({ a: 'x\ny', b: 'tab\there', c: 'del\u007f', d: 'ls\u2028', e: 'quote " and \\' })).toBe(
      'a: "x\\ny"\nb: "tab\\there"\nc: "del\\u007f"\nd: "ls\\u2028"\ne: "quote \\" and \\\\"\n',
    );
  });

  it('writes scalars of every type', () => {
    expect(formatYaml({ n: 1.5, neg: -2, t: true, f: false, z: null, u: undefined })).toBe(
      '"n": 1.5\nneg: -2\nt: true\nf: false\nz: null\nu: null\n',
    );
  });

  it('nests lists and maps with block indentation and empty ones inline', () => {
    expect(formatYaml([{ id: 'a', tags: ['x', 'y'], meta: {}, list: [], pairs: [[1, 2]] }, { id: 'b', deep: { k: { j: 'v' } } }])).toBe(
      [
        '- id: a',
        '  tags:',
        '    - x',
        '    - "y"',
        '  meta: {}',
        '  list: []',
        '  pairs:',
        '    - - 1',
        '      - 2',
        '- id: b',
        '  deep:',
        '    k:',
        '      j: v',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty list as []', () => {
    expect(formatYaml([])).toBe('[]\n');
  });
});
