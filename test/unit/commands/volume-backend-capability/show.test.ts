import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

describe('volume backend capability show', () => {
  const mock = mockCinderPerTest();

  it('capability show encodes the host and describes each property on one line', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/capabilities/node1%40mmj`, method: 'GET' }).reply(200, {
      namespace: 'OS::Storage::Capabilities::node1@mmj',
      vendor_name: 'ucinder',
      storage_protocol: 'iSCSI',
      properties: { qos: { title: 'QoS', description: 'Enables QoS.', type: 'boolean' } },
    });
    const result = await run(['volume', 'backend', 'capability', 'show', 'node1@mmj', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toEqual({
      namespace: 'OS::Storage::Capabilities::node1@mmj',
      vendor_name: 'ucinder',
      storage_protocol: 'iSCSI',
      properties: { qos: 'QoS (boolean): Enables QoS.' },
    });
  });
});
