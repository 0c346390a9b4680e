import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

describe('volume snapshot set --no-property', () => {
  const mock = mockCinderPerTest();
  const { calls, record: recordReply } = recordedRequests(mock);

  const record = (method: string, path: string, reply: object = {}) => recordReply(method, path, 200, reply);

  it("removes every property first, then sets the new ones (openstack's order), whatever the flag order", async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/s1`, method: 'GET' })
      .reply(200, { snapshot: { id: 's1', name: 'snap1', status: 'available', size: 1, volume_id: 'v', metadata: { old: '1', other: '2' } } });
    record('DELETE', '/snapshots/s1/metadata/old');
    record('DELETE', '/snapshots/s1/metadata/other');
    record('POST', '/snapshots/s1/metadata', { metadata: { new: '3' } });
    const result = await run(['volume', 'snapshot', 'set', '--property', 'new=3', '--no-property', 's1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'DELETE', path: '/snapshots/s1/metadata/old', body: undefined },
      { method: 'DELETE', path: '/snapshots/s1/metadata/other', body: undefined },
      { method: 'POST', path: '/snapshots/s1/metadata', body: { metadata: { new: '3' } } },
    ]);
  });
});
