import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const MESSAGE = {
  id: 'm1',
  event_id: 'VOLUME_VOLUME_001_003',
  user_message: 'schedule allocate volume:Could not find any available weighted backend.',
  message_level: 'ERROR',
  resource_type: 'VOLUME',
  resource_uuid: 'v1',
  created_at: 't',
  links: [{ rel: 'self', href: 'x' }],
};

describe('message list', () => {
  const mock = mockCinderPerTest();

  it('message list filters by resource and limits', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=v1&sort=created_at%3Adesc&limit=1`, method: 'GET' }).reply(200, { messages: [MESSAGE] });
    const list = await run(['message', 'list', '--resource-id', 'v1', '--limit', '1', '-f', 'value', '-c', 'ID', '-c', 'User Message'], mock.agent);
    expect(list.stdout).toBe('m1 schedule allocate volume:Could not find any available weighted backend.\n');
  });

  it('messages on an older microversion: a clear error naming the needed version, no request', async () => {
    interceptVersions(mock.pool, '3.2');
    const messages = await run(['message', 'list'], mock.agent);
    expect(messages.code).toBe(1);
    expect(messages.stderr).toContain('messages needs Block Storage API microversion 3.3 or later, but this session uses 3.2');
  });
});
