import { describe, expect, it } from 'vitest';
import { pythonRepr } from '../../../src/python-literal.js';
import { machineText } from '../../../src/output/values.js';

describe('pythonRepr', () => {
  it('renders nested values as Python does', () => {
    expect(machineText([{ server_id: 's1' }, null])).toBe("[{'server_id': 's1'}, None]");
  });

  it("quotes strings as Python's repr() does", () => {
    // python3: repr("it's"), repr('a"b'), repr('both \' and "'), repr('tab\there')
    expect([pythonRepr("it's"), pythonRepr('a"b'), pythonRepr('both \' and "'), pythonRepr('tab\there')]).toEqual(['"it\'s"', "'a\"b'", "'both \\' and \"'", "'tab\\there'"]);
  });
});
