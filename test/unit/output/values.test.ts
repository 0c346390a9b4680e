import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/output/values.js';

describe('formatValue', () => {
  it('renders nested values on one line', () => {
    expect(formatValue([{ server_id: 's1' }, null])).toBe("server_id='s1', None");
  });
});
