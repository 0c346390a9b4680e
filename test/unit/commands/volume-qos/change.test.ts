import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { QOS_ID, stubQosById, stubTypeById, TYPE_ID } from './fixtures.js';

describe('volume qos set, unset, associate and disassociate', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('set --property adds or changes keys', async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    record('PUT', `/qos-specs/${QOS_ID}`, 200, { qos_specs: { total_iops_sec: '900' } });
    expect(await run(['volume', 'qos', 'set', '--property', 'total_iops_sec=900', QOS_ID], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/qos-specs/${QOS_ID}`, body: { qos_specs: { total_iops_sec: '900' } } }]);
  });

  it('set --no-property --property removes every key first, then sets the new ones', async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    record('PUT', `/qos-specs/${QOS_ID}/delete_keys`, 202, '');
    record('PUT', `/qos-specs/${QOS_ID}`, 200, { qos_specs: { total_iops_sec: '900' } });
    expect((await run(['volume', 'qos', 'set', '--no-property', '--property', 'total_iops_sec=900', QOS_ID], mock.agent)).code).toBe(0);
    expect(calls).toStrictEqual([
      { method: 'PUT', path: `/qos-specs/${QOS_ID}/delete_keys`, body: { keys: ['read_iops_sec', 'write_iops_sec'] } },
      { method: 'PUT', path: `/qos-specs/${QOS_ID}`, body: { qos_specs: { total_iops_sec: '900' } } },
    ]);
  });

  it('set --no-property of a specification without keys sends nothing', async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool, { id: QOS_ID, name: 'limited', consumer: 'both', specs: {} });
    expect(await run(['volume', 'qos', 'set', '--no-property', QOS_ID], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('unset --property sends the keys in one call', async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    record('PUT', `/qos-specs/${QOS_ID}/delete_keys`, 202, '');
    expect((await run(['volume', 'qos', 'unset', '--property', 'read_iops_sec', '--property', 'write_iops_sec', QOS_ID], mock.agent)).code).toBe(0);
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/qos-specs/${QOS_ID}/delete_keys`, body: { keys: ['read_iops_sec', 'write_iops_sec'] } }]);
  });

  it('associate resolves both and sends the type ID', async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    stubTypeById(mock.pool);
    record('GET', `/qos-specs/${QOS_ID}/associate?vol_type_id=${TYPE_ID}`, 202, '');
    expect(await run(['volume', 'qos', 'associate', QOS_ID, TYPE_ID], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toHaveLength(1);
  });

  it("associate of a type that already has a QoS: Cinder's reason on one line, exit 1", async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    stubTypeById(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/qos-specs/${QOS_ID}/associate?vol_type_id=${TYPE_ID}`, method: 'GET' })
      .reply(400, { badRequest: { code: 400, message: `Invalid volume type: Type ${TYPE_ID} is already associated with another qos specs: q-other` } });
    const result = await run(['volume', 'qos', 'associate', QOS_ID, TYPE_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `ucinder: Invalid volume type: Type ${TYPE_ID} is already associated with another qos specs: q-other (HTTP 400)\n` });
  });

  it('disassociate --volume-type and --all', async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    stubTypeById(mock.pool);
    record('GET', `/qos-specs/${QOS_ID}/disassociate?vol_type_id=${TYPE_ID}`, 202, '');
    expect((await run(['volume', 'qos', 'disassociate', '--volume-type', TYPE_ID, QOS_ID], mock.agent)).code).toBe(0);
    mock.renew();
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    record('GET', `/qos-specs/${QOS_ID}/disassociate_all`, 202, '');
    expect((await run(['volume', 'qos', 'disassociate', '--all', QOS_ID], mock.agent)).code).toBe(0);
    expect(calls.map((call) => call.path)).toStrictEqual([`/qos-specs/${QOS_ID}/disassociate?vol_type_id=${TYPE_ID}`, `/qos-specs/${QOS_ID}/disassociate_all`]);
  });
});
