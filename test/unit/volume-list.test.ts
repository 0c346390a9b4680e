import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, newAgent, run } from './helpers/harness.js';

describe('volume list', () => {
  let mock = newAgent();
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
  });

  it('prints JSON keyed by the column headers, following next links', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/detail`, method: 'GET', headers: { 'openstack-api-version': 'volume 3.70', 'x-auth-token': `admin:0123456789abcdef0123456789abcdef` } })
      .reply(200, {
        volumes: [{ id: 'a1', name: 'vol1', status: 'available', size: 1, attachments: [] }],
        volumes_links: [{ rel: 'next', href: `http://elsewhere:8776${BASE_PATH}/volumes/detail?marker=a1` }],
      });
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/detail?marker=a1`, method: 'GET' })
      .reply(200, { volumes: [{ id: 'b2', name: 'vol2', status: 'error', size: 2, attachments: [] }] });

    const result = await run(['volume', 'list', '-f', 'json'], mock.agent);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { ID: 'a1', Name: 'vol1', Status: 'available', Size: 1, 'Attached to': '' },
      { ID: 'b2', Name: 'vol2', Status: 'error', Size: 2, 'Attached to': '' },
    ]);
  });

  it('rejects an unknown column before sending any request', async () => {
    const result = await run(['volume', 'list', '-c', 'Nope'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: unknown column 'Nope': choose from 'ID', 'Name', 'Status', 'Size', 'Attached to'\n");
  });
});
