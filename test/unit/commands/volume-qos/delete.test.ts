import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { QOS_ID, stubQosById } from './fixtures.js';

describe('volume qos delete', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('sends force=False without --force, force=True with it', async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    record('DELETE', `/qos-specs/${QOS_ID}?force=False`, 202, '');
    expect(await run(['volume', 'qos', 'delete', QOS_ID], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    mock.renew();
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    record('DELETE', `/qos-specs/${QOS_ID}?force=True`, 202, '');
    expect(await run(['volume', 'qos', 'delete', '--force', QOS_ID], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls.map((call) => call.path)).toStrictEqual([`/qos-specs/${QOS_ID}?force=False`, `/qos-specs/${QOS_ID}?force=True`]);
  });

  it("a specification still associated: Cinder's reason in one line, exit 1", async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs/${QOS_ID}?force=False`, method: 'DELETE' }).reply(400, { badRequest: { code: 400, message: 'Qos specs still in use.' } });
    expect(await run(['volume', 'qos', 'delete', QOS_ID], mock.agent)).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Qos specs still in use. (HTTP 400)\n' });
  });

  it('several: tries every one, reports each failure, then "N of M"', async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    record('DELETE', `/qos-specs/${QOS_ID}?force=False`, 202, '');
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs/nope`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs`, method: 'GET' }).reply(200, { qos_specs: [] });
    const result = await run(['volume', 'qos', 'delete', QOS_ID, 'nope'], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "Failed to delete QoS specification with name or ID 'nope': No QoS specification with a name or ID of 'nope' exists.\nucinder: 1 of 2 QoS specifications failed to delete\n",
    });
    expect(calls).toHaveLength(1);
  });
});
