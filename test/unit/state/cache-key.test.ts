import { describe, expect, it } from 'vitest';
import { cacheKey, settingsKey, sha256Hex } from '../../../src/state/cache-key.js';

describe('cache keys', () => {
  it('are the hex SHA-256 of the parts as a JSON array', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(cacheKey('http://cinder:8776/')).toBe(sha256Hex('["http://cinder:8776/"]'));
  });

  it('never join two lists of parts into the same key', () => {
    expect(cacheKey('a b', 'c')).not.toBe(cacheKey('a', 'b c'));
    expect(cacheKey('a', '')).not.toBe(cacheKey('a'));
  });

  it('of settings ignore their order and unset or empty values, and see every value', () => {
    const base = { authUrl: 'http://keystone/v3', body: { password: 'one' } };
    expect(settingsKey({ body: base.body, authUrl: base.authUrl, region: undefined, cloud: '' })).toBe(settingsKey(base));
    expect(settingsKey({ ...base, body: { password: 'two' } })).not.toBe(settingsKey(base));
    expect(settingsKey({ ...base, cloud: 'other' })).not.toBe(settingsKey(base));
  });
});
