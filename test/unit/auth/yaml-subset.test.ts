import { describe, expect, it } from 'vitest';
import { parseYaml, YamlError } from '../../../src/auth/clouds/yaml-subset.js';

describe('parseYaml (clouds.yaml subset)', () => {
  it('reads a typical clouds.yaml', () => {
    const text = `# my clouds
clouds:
  devstack:
    auth:
      auth_url: http://controller:5000/v3   # keystone
      username: "demo"
      password: 'it''s # not a comment'
      project_name: demo
      user_domain_name: Default
    region_name: RegionOne
    interface: internal
    identity_api_version: 3
    verify: false
    regions:
      - RegionOne
      - name: RegionTwo
        values: {interface: public}
`;
    expect(parseYaml(text)).toEqual({
      clouds: {
        devstack: {
          auth: {
            auth_url: 'http://controller:5000/v3',
            username: 'demo',
            password: "it's # not a comment",
            project_name: 'demo',
            user_domain_name: 'Default',
          },
          region_name: 'RegionOne',
          interface: 'internal',
          identity_api_version: 3,
          verify: false,
          regions: ['RegionOne', { name: 'RegionTwo', values: { interface: 'public' } }],
        },
      },
    });
  });

  it('types scalars as PyYAML (YAML 1.1) does', () => {
    expect(parseYaml('a: yes\nb: No\nc: on\nd: ~\ne: null\nf: 3.5\ng: -12\nh: "3.50"\ni: 0x1F\nj: 1e3\nk:')).toEqual({
      a: true, b: false, c: true, d: null, e: null, f: 3.5, g: -12, h: '3.50', i: '0x1F', j: 1000, k: null,
    });
  });

  it('handles double-quoted escapes, colons in values and URLs', () => {
    expect(parseYaml('a: "tab\\there \\"q\\" \\u00e9"\nb: http://x:5000/v3\nc: key:value\n"quoted key": 1')).toEqual({
      a: 'tab\there "q" é', b: 'http://x:5000/v3', c: 'key:value', 'quoted key': 1,
    });
  });

  it('reads flow collections, also across lines', () => {
    expect(parseYaml('a: [1, "two", {x: y}]\nb: {k: [p, q],\n  l: m}\nc: []\nd: {}')).toEqual({
      a: [1, 'two', { x: 'y' }], b: { k: ['p', 'q'], l: 'm' }, c: [], d: {},
    });
  });

  it('reads a list at the same indentation as its key and nested lists', () => {
    expect(parseYaml('list:\n- a\n- b\nnested:\n  - - 1\n    - 2\n  -\n    k: v\n')).toEqual({
      list: ['a', 'b'],
      nested: [[1, 2], { k: 'v' }],
    });
  });

  it('reads literal and folded block scalars', () => {
    expect(parseYaml('lit: |\n  line 1\n   indented\n  # kept\nfold: >-\n  a\n  b\n\n  c\nafter: 1\n')).toEqual({
      lit: 'line 1\n indented\n# kept\n',
      fold: 'a b\nc',
      after: 1,
    });
  });

  it('resolves anchors, aliases and merge keys', () => {
    const text = `base: &base
  auth_url: http://k:5000
  project_name: p
clouds:
  one:
    auth:
      <<: *base
      project_name: override
  two:
    auth: *base
`;
    const parsed = parseYaml(text) as { clouds: Record<string, { auth: Record<string, string> }> };
    expect(parsed.clouds.one!.auth).toEqual({ auth_url: 'http://k:5000', project_name: 'override' });
    expect(parsed.clouds.two!.auth).toEqual({ auth_url: 'http://k:5000', project_name: 'p' });
  });

  it('joins plain multi-line scalars and accepts a document marker, CRLF and a BOM', () => {
    expect(parseYaml('\uFEFF---\r\na: one\r\n  two\r\nb: x\r\n')).toEqual({ a: 'one two', b: 'x' });
    expect(parseYaml('')).toBeNull();
    expect(parseYaml('# only a comment\n')).toBeNull();
  });

  it('reports errors with line numbers', () => {
    expect(() => parseYaml('a: 1\n\tb: 2')).toThrow(new YamlError('tabs are not allowed in indentation', 2));
    expect(() => parseYaml('a: "open')).toThrow(/line 1: unterminated double-quoted string/);
    expect(() => parseYaml('a:\n  b: 1\n c: 2')).toThrow(/line 3/);
    expect(() => parseYaml('a: *nothing')).toThrow(/unknown alias '\*nothing'/);
    expect(() => parseYaml('a: [1, 2')).toThrow(/line 1/);
  });
});
