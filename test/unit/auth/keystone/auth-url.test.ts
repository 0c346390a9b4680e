import { describe, expect, it } from 'vitest';
import { keystoneV3Url } from '../../../../src/auth/keystone/auth-url.js';
import { UsageError } from '../../../../src/errors.js';

describe('keystoneV3Url', () => {
  it.each([
    ['http://k:5000', 'http://k:5000/v3'],
    ['http://k:5000/', 'http://k:5000/v3'],
    ['http://k:5000/v3/', 'http://k:5000/v3'],
    ['https://k/identity/v2.0', 'https://k/identity/v3'],
  ])('%s → %s', (raw, expected) => {
    expect(keystoneV3Url(raw)).toBe(expected);
  });

  it('rejects what is not an http URL', () => {
    expect(() => keystoneV3Url('controller:5000')).toThrow(UsageError);
  });
});
