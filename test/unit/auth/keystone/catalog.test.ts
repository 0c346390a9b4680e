import { describe, expect, it } from 'vitest';
import { blockStorageUrlForProject, findBlockStorageUrl, findImageUrl, normalizeInterface } from '../../../../src/auth/keystone/catalog.js';
import { UsageError } from '../../../../src/errors.js';
import type { CachedService } from '../../../../src/state/token-cache.js';

const P = 'aaaabbbbccccddddeeeeffff00001111';

describe('findBlockStorageUrl', () => {
  it('prefers block-storage over its aliases and honours interface and region', () => {
    const catalog: CachedService[] = [
      { type: 'volumev2', endpoints: [{ interface: 'public', region: 'R1', url: 'http://v2/v2/x' }] },
      {
        type: 'block-storage',
        endpoints: [
          { interface: 'public', region: 'R2', url: 'http://bs-r2' },
          { interface: 'public', region: 'R1', url: 'http://bs-r1' },
          { interface: 'admin', region: 'R1', url: 'http://bs-admin' },
        ],
      },
    ];
    expect(findBlockStorageUrl(catalog, {})).toBe('http://bs-r2');
    expect(findBlockStorageUrl(catalog, { region: 'R1' })).toBe('http://bs-r1');
    expect(findBlockStorageUrl(catalog, { interface: 'adminURL' })).toBe('http://bs-admin');
  });

  it.each(['volumev3', 'volumev2', 'volume', 'block-store'])('finds the alias %s', (type) => {
    expect(findBlockStorageUrl([{ type, endpoints: [{ interface: 'public', url: `http://${type}` }] }], {})).toBe(`http://${type}`);
  });

  it('rejects unknown interfaces', () => {
    expect(() => normalizeInterface('private')).toThrow(UsageError);
    expect(normalizeInterface('internalURL')).toBe('internal');
  });
});

describe('findImageUrl', () => {
  const catalog: CachedService[] = [
    { type: 'block-storage', endpoints: [{ interface: 'public', region: 'R1', url: 'http://bs' }] },
    {
      type: 'image',
      endpoints: [
        { interface: 'public', region: 'R1', url: 'http://glance-r1' },
        { interface: 'internal', region: 'R1', url: 'http://glance-internal' },
        { interface: 'public', region: 'R2', url: 'http://glance-r2' },
      ],
    },
  ];

  it('takes Glance from the same interface and region as block storage', () => {
    expect(findImageUrl(catalog, {})).toBe('http://glance-r1');
    expect(findImageUrl(catalog, { region: 'R2' })).toBe('http://glance-r2');
    expect(findImageUrl(catalog, { interface: 'internal' })).toBe('http://glance-internal');
  });

  it('is undefined, not an error, without an image service (only image commands need one)', () => {
    expect(findImageUrl(catalog.slice(0, 1), {})).toBeUndefined();
    expect(findImageUrl(catalog, { interface: 'admin' })).toBeUndefined();
  });
});

describe('blockStorageUrlForProject', () => {
  it('fills the project placeholder, adds the project to a bare /v3 and maps v2 to v3', () => {
    expect(blockStorageUrlForProject('http://c:8776/v3/%(project_id)s', P)).toBe(`http://c:8776/v3/${P}`);
    expect(blockStorageUrlForProject('http://c:8776/v3/$(tenant_id)s/', P)).toBe(`http://c:8776/v3/${P}`);
    expect(blockStorageUrlForProject('http://c:8776/v3', P)).toBe(`http://c:8776/v3/${P}`);
    expect(blockStorageUrlForProject(`http://c:8776/v2/${P}`, P)).toBe(`http://c:8776/v3/${P}`);
    expect(blockStorageUrlForProject('http://c:8776/v3', undefined)).toBe('http://c:8776/v3');
    expect(() => blockStorageUrlForProject('http://c/v3/%(project_id)s', undefined)).toThrow(/not project-scoped/);
  });
});
