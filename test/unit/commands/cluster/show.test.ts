import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

describe('cluster show', () => {
  const mock = mockCinderPerTest();

  it('cluster show passes --binary', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/clusters/bk%40x?binary=cinder-backup`, method: 'GET' })
      .reply(200, { cluster: { name: 'bk@x', binary: 'cinder-backup', state: 'down', status: 'enabled', num_hosts: 1 } });
    const result = await run(['cluster', 'show', 'bk@x', '--binary', 'cinder-backup', '-f', 'value', '-c', 'state'], mock.agent);
    expect(result.stdout).toBe('down\n');
  });
});
