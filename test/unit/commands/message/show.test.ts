import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

describe('message show', () => {
  const mock = mockCinderPerTest();

  it('message show keeps links, as openstack does', async () => {
    const message = {
      id: 'm1',
      event_id: 'VOLUME_VOLUME_001_003',
      user_message: 'schedule allocate volume:Could not find any available weighted backend.',
      message_level: 'ERROR',
      resource_type: 'VOLUME',
      resource_uuid: 'v1',
      created_at: 't',
      links: [{ rel: 'self', href: 'x' }],
    };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/messages/m1`, method: 'GET' }).reply(200, { message });
    const show = await run(['message', 'show', 'm1', '-f', 'json'], mock.agent);
    // `openstack volume message show` prints every field Cinder sends, links included.
    expect(JSON.parse(show.stdout)).toStrictEqual(message);
  });
});
