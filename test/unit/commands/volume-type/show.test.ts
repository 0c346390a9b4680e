import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';
import { GOLD, SECRET } from './fixtures.js';

describe('volume type show', () => {
  const mock = mockCinderPerTest();

  it('shows a public type by name', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/gold`, method: 'GET' }).reply(404, { itemNotFound: { message: 'Volume type gold could not be found.' } });
    mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD, SECRET] });
    const result = await run(['volume', 'type', 'show', 'gold', '-f', 'value', '-c', 'id', '-c', 'properties'], mock.agent);
    // `openstack volume type show … -f value -c properties` prints the extra specs as Python's str() of the dict.
    expect(result.stdout).toBe("t-gold\n{'volume_backend_name': 'mmj2'}\n");
  });

  it('shows which projects may use a private type', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/t-secret`, method: 'GET' }).reply(200, { volume_type: SECRET });
    mock.pool.intercept({ path: `${BASE_PATH}/types/t-secret/os-volume-type-access`, method: 'GET' }).reply(200, {
      volume_type_access: [
        { volume_type_id: 't-secret', project_id: 'p1' },
        { volume_type_id: 't-secret', project_id: 'p2' },
      ],
    });
    const result = await run(['volume', 'type', 'show', 't-secret', '-f', 'json', '-c', 'access_project_ids'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual({ access_project_ids: ['p1', 'p2'] });
  });

  it('not found, exit 1', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/nope`, method: 'GET' }).reply(404, { itemNotFound: { message: 'x' } });
    mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD] });
    const result = await run(['volume', 'type', 'show', 'nope'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: No volume type with a name or ID of 'nope' exists.\n");
  });
});
