import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const EXTENSIONS = {
  extensions: [{ name: 'AdminActions', alias: 'os-admin-actions', description: 'Enable admin actions.', updated: '2012-08-25T00:00:00+00:00', links: [] }],
};

describe('extension list', () => {
  const mock = mockCinderPerTest();

  it("openstack's columns; --long adds Namespace (empty: Cinder sends none), Updated and Links", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/extensions`, method: 'GET' }).reply(200, EXTENSIONS);
    const short = await run(['extension', 'list', '-f', 'csv'], mock.agent);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout).toBe('"Name","Alias","Description"\n"AdminActions","os-admin-actions","Enable admin actions."\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/extensions`, method: 'GET' }).reply(200, EXTENSIONS);
    const long = await run(['extension', 'list', '--volume', '--long', '-f', 'json'], mock.agent);
    expect(JSON.parse(long.stdout)).toStrictEqual([
      { Name: 'AdminActions', Alias: 'os-admin-actions', Description: 'Enable admin actions.', Namespace: '', Updated: '2012-08-25T00:00:00+00:00', Links: [] },
    ]);
  });

  it('another service is a usage error before any request', async () => {
    const result = await run(['extension', 'list', '--network'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ucinder: --network: ucinder lists block storage extensions only (use --volume or no flag)\n');
  });
});
