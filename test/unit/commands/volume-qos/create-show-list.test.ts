import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { BARE, LIMITED, QOS_ID, stubAssociations, stubQosById } from './fixtures.js';

describe("volume qos create, show and list: openstack's output", () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('create sends the name, the consumer and the properties side by side; prints specs as properties', async () => {
    interceptVersions(mock.pool);
    record('POST', '/qos-specs', 200, { qos_specs: LIMITED, links: [{ rel: 'self', href: 'x' }] });
    const result = await run(
      ['volume', 'qos', 'create', '--consumer', 'front-end', '--property', 'read_iops_sec=500', '--property', 'write_iops_sec=200', 'limited', '-f', 'json'],
      mock.agent,
    );
    expect(result.stderr).toBe('');
    expect(calls).toStrictEqual([
      { method: 'POST', path: '/qos-specs', body: { qos_specs: { read_iops_sec: '500', write_iops_sec: '200', name: 'limited', consumer: 'front-end' } } },
    ]);
    // `openstack volume qos create … -f json` on the test bed prints exactly these keys.
    expect(JSON.parse(result.stdout)).toStrictEqual({ consumer: 'front-end', id: QOS_ID, name: 'limited', properties: { read_iops_sec: '500', write_iops_sec: '200' } });
  });

  it('create defaults the consumer to both, as openstack', async () => {
    interceptVersions(mock.pool);
    record('POST', '/qos-specs', 200, { qos_specs: BARE });
    const result = await run(['volume', 'qos', 'create', 'bare', '-f', 'value', '-c', 'consumer'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: 'both\n', stderr: '' });
    expect(calls[0]!.body).toStrictEqual({ qos_specs: { name: 'bare', consumer: 'both' } });
  });

  it("show adds the associated types' names as associations; a table shows them as openstack does", async () => {
    interceptVersions(mock.pool);
    stubQosById(mock.pool);
    stubAssociations(mock.pool, QOS_ID, ['silver', 'gold']);
    const result = await run(['volume', 'qos', 'show', QOS_ID], mock.agent);
    expect(result.stdout).toBe(
      '+--------------+-------------------------------------------+\n' +
        '| Field        | Value                                     |\n' +
        '+--------------+-------------------------------------------+\n' +
        '| associations | gold, silver                              |\n' +
        '| consumer     | front-end                                 |\n' +
        '| id           | 77777777-0000-4000-8000-000000000007      |\n' +
        '| name         | limited                                   |\n' +
        "| properties   | read_iops_sec='500', write_iops_sec='200' |\n" +
        '+--------------+-------------------------------------------+\n',
    );
  });

  it('show by name without associations: no associations key, as openstack', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs/bare`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'QoS Specs bare could not be found.' } });
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs`, method: 'GET' }).reply(200, { qos_specs: [LIMITED, BARE] });
    stubAssociations(mock.pool, 'q-bare', []);
    const result = await run(['volume', 'qos', 'show', 'bare', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual({ consumer: 'both', id: 'q-bare', name: 'bare', properties: {} });
  });

  it('show of a name two specifications share lists both IDs and exits 1', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs/twin`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs`, method: 'GET' }).reply(200, {
      qos_specs: [
        { ...BARE, name: 'twin' },
        { ...LIMITED, name: 'twin' },
      ],
    });
    const result = await run(['volume', 'qos', 'show', 'twin'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("More than one QoS specification exists with the name 'twin'");
  });

  it("list: openstack's columns; Associations a list, '' for none, None for a specification gone meanwhile", async () => {
    interceptVersions(mock.pool);
    const gone = { ...BARE, id: 'q-gone', name: 'gone' };
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs`, method: 'GET' }).reply(200, { qos_specs: [LIMITED, BARE, gone] });
    stubAssociations(mock.pool, QOS_ID, ['gold']);
    stubAssociations(mock.pool, 'q-bare', []);
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs/q-gone/associations`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'gone' } });
    const result = await run(['volume', 'qos', 'list', '-f', 'json', '--noindent'], mock.agent);
    expect(result.stdout).toBe(
      `[{"ID": "${QOS_ID}", "Name": "limited", "Consumer": "front-end", "Associations": ["gold"], "Properties": {"read_iops_sec": "500", "write_iops_sec": "200"}}, ` +
        '{"ID": "q-bare", "Name": "bare", "Consumer": "both", "Associations": "", "Properties": {}}, ' +
        '{"ID": "q-gone", "Name": "gone", "Consumer": "both", "Associations": null, "Properties": {}}]\n',
    );
  });

  it("list fails with Cinder's error when an associations call fails otherwise", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs`, method: 'GET' }).reply(200, { qos_specs: [BARE] });
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs/q-bare/associations`, method: 'GET' }).reply(403, { forbidden: { code: 403, message: 'Policy does not allow it.' } });
    const result = await run(['volume', 'qos', 'list'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Policy does not allow it. (HTTP 403)\n' });
  });
});
