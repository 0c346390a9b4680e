import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';
import { GOLD, SECRET } from './fixtures.js';

describe('volume type delete', () => {
  const mock = mockCinderPerTest();

  it('deletes several types, reports the failures and exits 1', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/t-gold`, method: 'GET' }).reply(200, { volume_type: GOLD });
    mock.pool.intercept({ path: `${BASE_PATH}/types/t-gold`, method: 'DELETE' }).reply(202, '');
    mock.pool.intercept({ path: `${BASE_PATH}/types/t-secret`, method: 'GET' }).reply(200, { volume_type: SECRET });
    mock.pool.intercept({ path: `${BASE_PATH}/types/t-secret`, method: 'DELETE' }).reply(400, { badRequest: { message: 'Target volume type is still in use.' } });
    const result = await run(['volume', 'type', 'delete', 't-gold', 't-secret'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Failed to delete volume type with name or ID 't-secret': Target volume type is still in use. (HTTP 400)\nucinder: 1 of 2 volume types failed to delete\n",
    );
  });

  it('deletes every type given, exit 0', async () => {
    interceptVersions(mock.pool);
    for (const type of [GOLD, SECRET]) {
      mock.pool.intercept({ path: `${BASE_PATH}/types/${type.id}`, method: 'GET' }).reply(200, { volume_type: type });
      mock.pool.intercept({ path: `${BASE_PATH}/types/${type.id}`, method: 'DELETE' }).reply(202, '');
    }
    expect(await run(['type', 'delete', 't-gold', 't-secret'], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
