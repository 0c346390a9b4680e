import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../../src/output/formatters/json.js';

describe('json formatter', () => {
  it('indents by 4 spaces', () => {
    expect(formatJson([{ ID: 'a', Size: 1, Properties: { k: 'v' } }], false)).toBe(
      '[\n    {\n        "ID": "a",\n        "Size": 1,\n        "Properties": {\n            "k": "v"\n        }\n    }\n]\n',
    );
  });

  it('prints one line with --noindent', () => {
    expect(formatJson({ a: [1, 2], b: null }, true)).toBe('{"a":[1,2],"b":null}\n');
  });

  it('prints null for nothing', () => {
    expect(formatJson(undefined, false)).toBe('null\n');
  });
});
