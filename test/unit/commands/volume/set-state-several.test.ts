import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const notFound = (what: string) => ({ itemNotFound: { code: 404, message: `${what} could not be found.` } });

describe('volume set --state and volume snapshot set --state on several resources (as cinder reset-state)', () => {
  const mock = mockCinderPerTest();
  const requests = recordedRequests(mock);

  function volume(id: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${id}`, method: 'GET' }).reply(200, { volume: { id, name: `n-${id}`, status: 'error', size: 1 } });
  }

  it('resets every volume, in one os-reset_status each', async () => {
    interceptVersions(mock.pool);
    volume('a');
    volume('b');
    requests.record('POST', '/volumes/a/action', 202, '');
    requests.record('POST', '/volumes/b/action', 202, '');
    const result = await run(['volume', 'set', '--state', 'available', '--detached', 'a', 'b'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const body = { 'os-reset_status': { status: 'available', attach_status: 'detached' } };
    expect([...requests.calls].sort((x, y) => x.path.localeCompare(y.path))).toStrictEqual([
      { method: 'POST', path: '/volumes/a/action', body },
      { method: 'POST', path: '/volumes/b/action', body },
    ]);
  });

  it('tries every volume, reports each failure, then "N of M volumes failed to reset" (exit 1)', async () => {
    interceptVersions(mock.pool);
    volume('a');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/b`, method: 'GET' }).reply(404, notFound('Volume'));
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=b`, method: 'GET' }).reply(200, { volumes: [] });
    requests.record('POST', '/volumes/a/action', 202, '');
    const result = await run(['volume', 'set', '--state', 'available', 'a', 'b'], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: "Failed to reset the state of volume 'b': No volume with a name or ID of 'b' exists.\nucinder: 1 of 2 volumes failed to reset\n",
    });
    expect(requests.calls).toStrictEqual([{ method: 'POST', path: '/volumes/a/action', body: { 'os-reset_status': { status: 'available' } } }]);
  });

  it('several volumes with a change other than the state is a usage error before any request', async () => {
    const result = await run(['volume', 'set', '--state', 'available', '--name', 'x', '--size', '2', 'a', 'b'], mock.agent);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'ucinder: --name, --size: several volumes take only --state, --migration-status, --attached, --detached (as cinder reset-state); change the rest one volume at a time\n',
    });
  });

  it('resets every snapshot; a change other than --state on several is a usage error before any request', async () => {
    interceptVersions(mock.pool);
    for (const id of ['s1', 's2']) {
      mock.pool.intercept({ path: `${BASE_PATH}/snapshots/${id}`, method: 'GET' }).reply(200, { snapshot: { id, name: id, status: 'error', size: 1, volume_id: 'v' } });
      requests.record('POST', `/snapshots/${id}/action`, 202, '');
    }
    expect(await run(['volume', 'snapshot', 'set', '--state', 'available', 's1', 's2'], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect([...requests.calls].sort((x, y) => x.path.localeCompare(y.path))).toStrictEqual([
      { method: 'POST', path: '/snapshots/s1/action', body: { 'os-reset_status': { status: 'available' } } },
      { method: 'POST', path: '/snapshots/s2/action', body: { 'os-reset_status': { status: 'available' } } },
    ]);
    const refused = await run(['volume', 'snapshot', 'set', '--state', 'available', '--name', 'x', 's1', 's2'], mock.agent);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('ucinder: --name: several snapshots take only --state (as cinder reset-state); change the rest one snapshot at a time\n');
  });
});
