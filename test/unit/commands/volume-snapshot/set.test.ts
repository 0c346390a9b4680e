import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

describe('volume snapshot set', () => {
  const mock = mockCinderPerTest();
  const requests = recordedRequests(mock);
  const calls = requests.calls;

  function found() {
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/s1`, method: 'GET' }).reply(200, { snapshot: { id: 's1', name: 'snap1', status: 'available', size: 1, volume_id: 'v' } });
  }

  const record = (method: string, path: string, status = 200, reply: object = {}) => requests.record(method, path, status, reply);

  it('sends properties, the state reset and the rename as separate calls', async () => {
    interceptVersions(mock.pool);
    found();
    record('POST', '/snapshots/s1/metadata', 200, { metadata: { a: '1' } });
    record('POST', '/snapshots/s1/action', 202);
    record('PUT', '/snapshots/s1', 200, { snapshot: { id: 's1', name: 'snap2' } });
    const result = await run(['volume', 'snapshot', 'set', '--name', 'snap2', '--description', 'd', '--property', 'a=1', '--state', 'error', 's1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'POST', path: '/snapshots/s1/metadata', body: { metadata: { a: '1' } } },
      { method: 'POST', path: '/snapshots/s1/action', body: { 'os-reset_status': { status: 'error' } } },
      { method: 'PUT', path: '/snapshots/s1', body: { snapshot: { name: 'snap2', description: 'd' } } },
    ]);
  });

  it('applies the other changes when one fails, reports it and exits 1', async () => {
    interceptVersions(mock.pool);
    found();
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/s1/metadata`, method: 'POST' }).reply(400, { badRequest: { code: 400, message: 'Invalid metadata.' } });
    record('PUT', '/snapshots/s1', 200, { snapshot: { id: 's1' } });
    const result = await run(['volume', 'snapshot', 'set', '--property', 'a=1', '--description', 'd', 's1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("snapshot 'snap1': failed to set properties: Invalid metadata. (HTTP 400)\nucinder: 1 of 2 changes to snapshot 'snap1' failed\n");
    expect(calls).toStrictEqual([{ method: 'PUT', path: '/snapshots/s1', body: { snapshot: { description: 'd' } } }]);
  });

  it('nothing to change and an unknown --state are usage errors before any request', async () => {
    const nothing = await run(['volume', 'snapshot', 'set', 's1'], mock.agent);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toBe('ucinder: nothing to change: give --name, --description, --property, --no-property or --state\n');
    const badState = await run(['volume', 'snapshot', 'set', '--state', 'in-use', 's1'], mock.agent);
    expect(badState.code).toBe(2);
    expect(badState.stderr).toContain("argument 'in-use' is invalid");
  });
});
