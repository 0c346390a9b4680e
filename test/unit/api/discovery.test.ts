import { describe, expect, it } from 'vitest';
import { rangeFromVersions } from '../../../src/api/discovery.js';
import { BASE_PATH, mockCinderPerTest, run } from '../helpers/harness.js';

const RANGE = { min: { major: 3, minor: 0 }, max: { major: 3, minor: 68 } };

describe('rangeFromVersions', () => {
  it('reads the v3 entry', () => {
    expect(
      rangeFromVersions([
        { id: 'v2.0', status: 'DEPRECATED', version: '', min_version: '' },
        { id: 'v3.0', status: 'CURRENT', version: '3.68', min_version: '3.0' },
      ]),
    ).toEqual(RANGE);
  });

  it('has no range without a v3 entry or with garbage', () => {
    expect(rangeFromVersions(undefined)).toBeUndefined();
    expect(rangeFromVersions([{ id: 'v2.0', version: '2.0' }])).toBeUndefined();
    expect(rangeFromVersions([{ id: 'v3.0', version: 'three' }])).toBeUndefined();
  });
});

describe('discovery from GET /', () => {
  const mock = mockCinderPerTest();

  it('asks the unauthenticated root, without a token', async () => {
    let headers: unknown;
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(300, (options) => {
      headers = options.headers;
      return { versions: [{ id: 'v3.0', version: '3.68', min_version: '3.0' }] };
    });
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, { services: [] });
    expect((await run(['service', 'list'], mock.agent)).code).toBe(0);
    expect(Object.keys(headers as object).map((name) => name.toLowerCase())).not.toContain('x-auth-token');
  });
});
