import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, newAgent, run } from '../../helpers/harness.js';

describe('volume snapshot unset', () => {
  let mock = newAgent();
  let calls: string[] = [];
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
    calls = [];
  });

  function found() {
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/s1`, method: 'GET' })
      .reply(200, { snapshot: { id: 's1', name: 'snap1', status: 'available', size: 1, volume_id: 'v', metadata: { a: '1', b: '2' } } });
  }

  function deleteKey(key: string, status = 200, reply: object = {}) {
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/s1/metadata/${key}`, method: 'DELETE' }).reply(status, () => {
      calls.push(key);
      return reply;
    });
  }

  it('removes each --property key, quietly', async () => {
    interceptVersions(mock.pool);
    found();
    deleteKey('a');
    deleteKey('b');
    const result = await run(['volume', 'snapshot', 'unset', '--property', 'a', '--property', 'b', 's1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toEqual(['a', 'b']);
  });

  it('reports a key that fails and still removes the others, exit 1', async () => {
    interceptVersions(mock.pool);
    found();
    deleteKey('nope', 404, { itemNotFound: { code: 404, message: 'Metadata item was not found.' } });
    deleteKey('a');
    const result = await run(['volume', 'snapshot', 'unset', '--property', 'nope', '--property', 'a', 's1'], mock.agent);
    expect(result.code).toBe(1);
    expect(calls).toEqual(['nope', 'a']);
    expect(result.stderr).toBe("snapshot 'snap1': failed to unset property 'nope': Metadata item was not found. (HTTP 404)\nucinder: 1 of 2 changes to snapshot 'snap1' failed\n");
  });

  it('nothing to unset is a usage error before any request', async () => {
    const result = await run(['volume', 'snapshot', 'unset', 's1'], mock.agent);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'ucinder: nothing to unset: give --property KEY\n' });
  });
});
