import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';
import { GOLD, SECRET } from './fixtures.js';

describe('volume type list', () => {
  const mock = mockCinderPerTest();

  it('lists public and private types', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD, SECRET] });
    const result = await run(['volume', 'type', 'list', '-f', 'csv', '--quote', 'minimal'], mock.agent);
    expect(result.stdout).toBe('ID,Name,Is Public\nt-gold,gold,True\nt-secret,secret,False\n');
  });

  it('--long adds description and properties', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD, SECRET] });
    const result = await run(['type', 'list', '--long', '-f', 'json', '--noindent'], mock.agent);
    expect(result.stdout).toBe(
      '[{"ID": "t-gold", "Name": "gold", "Is Public": true, "Description": "gold tier", "Properties": {"volume_backend_name": "mmj2"}}, ' +
        '{"ID": "t-secret", "Name": "secret", "Is Public": false, "Description": null, "Properties": {}}]\n',
    );
  });

  it('list --default shows only the default type', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/types/default`, method: 'GET' })
      .reply(200, { volume_type: { id: 'd1', name: '__DEFAULT__', is_public: true, description: 'Default Volume Type', extra_specs: {} } });
    const result = await run(['volume', 'type', 'list', '--default', '--long', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual([{ ID: 'd1', Name: '__DEFAULT__', 'Is Public': true, Description: 'Default Volume Type', Properties: {} }]);
  });
});
