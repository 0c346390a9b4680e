import { describe, expect, it } from 'vitest';
import { endpointRoot, normalizeEndpoint } from '../../../src/auth/endpoint.js';
import { UsageError } from '../../../src/errors.js';

describe('normalizeEndpoint', () => {
  it('appends /v3/<project> to a bare endpoint', () => {
    expect(normalizeEndpoint('http://host:8776', 'abc123')).toEqual({ url: 'http://host:8776/v3/abc123', projectId: 'abc123' });
    expect(normalizeEndpoint('http://host:8776/', 'abc123')).toEqual({ url: 'http://host:8776/v3/abc123', projectId: 'abc123' });
  });

  it('appends only /v3 when no project is known', () => {
    expect(normalizeEndpoint('http://host:8776')).toEqual({ url: 'http://host:8776/v3', projectId: undefined });
  });

  it('keeps an endpoint that already has /v3/<project>, and reads the project from it', () => {
    expect(normalizeEndpoint('http://host:8776/v3/abc123/')).toEqual({ url: 'http://host:8776/v3/abc123', projectId: 'abc123' });
    expect(normalizeEndpoint('http://host:8776/v3/abc123', 'abc123')).toEqual({ url: 'http://host:8776/v3/abc123', projectId: 'abc123' });
  });

  it('keeps a path prefix in front of the API (a proxy)', () => {
    expect(normalizeEndpoint('https://cloud.example/volume', 'ab12')).toEqual({ url: 'https://cloud.example/volume/v3/ab12', projectId: 'ab12' });
  });

  it.each([
    ['not a url', "invalid --os-endpoint 'not a url': expected a URL such as http://controller:8776"],
    ['ftp://host:8776', "invalid --os-endpoint 'ftp://host:8776': only http and https URLs are supported"],
    ['http://host:8776/v2/abc', "--os-endpoint 'http://host:8776/v2/abc' points at a v1/v2 API; ucinder speaks Block Storage v3"],
  ])('rejects %s as a usage error', (raw, message) => {
    expect(() => normalizeEndpoint(raw, 'abc')).toThrow(new UsageError(message));
  });

  it('refuses a project id that cannot go into a URL', () => {
    expect(() => normalizeEndpoint('http://host:8776', 'my project')).toThrow(UsageError);
  });
});

describe('endpointRoot', () => {
  it('strips /v3 and the project', () => {
    expect(endpointRoot('http://host:8776/v3/abc')).toBe('http://host:8776/');
    expect(endpointRoot('http://host:8776/v3')).toBe('http://host:8776/');
    expect(endpointRoot('https://cloud.example/volume/v3/abc')).toBe('https://cloud.example/volume/');
  });
});
