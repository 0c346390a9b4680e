import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const ID = '55555555-0000-4000-8000-000000000005';
const VOLUME = { id: ID, name: 'vol1', status: 'available', size: 1, migration_status: null };

describe('volume unset', () => {
  const mock = mockCinderPerTest();

  it('unset deletes each property key, and reports the ones that fail', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(200, { volume: VOLUME });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}/metadata/owner`, method: 'DELETE' }).reply(200, '');
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/${ID}/metadata/a%2Fb`, method: 'DELETE' })
      .reply(404, { itemNotFound: { code: 404, message: `Volume ${ID} has no metadata with key a/b.` } });
    const result = await run(['volume', 'unset', '--property', 'owner', '--property', 'a/b', ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `volume 'vol1': failed to unset property 'a/b': Volume ${ID} has no metadata with key a/b. (HTTP 404)\n` + "ucinder: 1 of 2 changes to volume 'vol1' failed\n",
    );
  });

  it('unset without --property is a usage error before any request', async () => {
    const result = await run(['volume', 'unset', 'vol1'], mock.agent);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'ucinder: nothing to unset: give --property KEY or --image-property KEY\n' });
  });
});
