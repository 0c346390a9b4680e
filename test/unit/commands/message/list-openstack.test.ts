import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const MESSAGE = {
  id: 'm1',
  event_id: 'VOLUME_VOLUME_001_003',
  resource_type: 'VOLUME',
  resource_uuid: 'v1',
  message_level: 'ERROR',
  user_message: 'schedule allocate volume:Could not find any available weighted backend.',
  request_id: 'req-1',
  created_at: '2024-05-01T10:00:00.000000',
  guaranteed_until: '2024-05-31T10:00:00.000000',
  links: [],
};

describe('volume message list (= message list)', () => {
  const mock = mockCinderPerTest();

  it("prints openstack's columns in its order", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/messages?sort=created_at%3Adesc`, method: 'GET' }).reply(200, { messages: [MESSAGE] });
    const result = await run(['volume', 'message', 'list', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    // `openstack --os-volume-api-version 3.3 volume message list -f json` on the test bed.
    expect(JSON.parse(result.stdout)).toEqual([
      {
        ID: 'm1',
        'Event ID': 'VOLUME_VOLUME_001_003',
        'Resource Type': 'VOLUME',
        'Resource UUID': 'v1',
        'Message Level': 'ERROR',
        'User Message': MESSAGE.user_message,
        'Request ID': 'req-1',
        'Created At': MESSAGE.created_at,
        'Guaranteed Until': MESSAGE.guaranteed_until,
      },
    ]);
    expect(Object.keys(JSON.parse(result.stdout)[0])).toEqual([
      'ID',
      'Event ID',
      'Resource Type',
      'Resource UUID',
      'Message Level',
      'User Message',
      'Request ID',
      'Created At',
      'Guaranteed Until',
    ]);
  });

  it('--marker and --limit page from a message', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/messages?sort=created_at%3Adesc&marker=m0&limit=1`, method: 'GET' }).reply(200, { messages: [MESSAGE] });
    const result = await run(['message', 'list', '--marker', 'm0', '--limit', '1', '-f', 'value', '-c', 'ID'], mock.agent);
    expect(result.stdout).toBe('m1\n');
  });
});
