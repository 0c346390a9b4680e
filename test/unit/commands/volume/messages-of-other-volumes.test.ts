import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

/**
 * Below 3.5 Cinder ignores the messages API's filters and sort (api/v3/
 * messages.py applies them only from MESSAGES_PAGINATION, 3.5): asked for
 * one volume's messages it answers with every message of the project,
 * oldest first. A failure's reason must come from this volume's messages.
 */
const ID = '5f0c3a1e-0000-4000-8000-000000000001';

describe('the reason for a failure, at API 3.3 or 3.4', () => {
  const mock = mockCinderPerTest();

  it('volume create --wait shows the newest message of this volume, not of another one', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes`, method: 'POST' }).reply(202, { volume: { id: ID, name: 'vol1', status: 'creating', size: 1 } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(200, { volume: { id: ID, name: 'vol1', status: 'error', size: 1 } });
    const message = (id: string, resource: string, created: string, text: string) => ({
      id,
      event_id: 'VOLUME_VOLUME_001_003',
      resource_type: 'VOLUME',
      resource_uuid: resource,
      message_level: 'ERROR',
      created_at: created,
      user_message: text,
    });
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=${ID}&sort=created_at%3Adesc`, method: 'GET' }).reply(200, {
      messages: [
        message('m1', ID, '2026-11-28T10:00:00.000000', 'older, about this volume'),
        message('m2', ID, '2026-11-28T11:00:00.000000', 'schedule allocate volume:Could not find any available weighted backend.'),
        message('m3', 'a-different-volume', '2026-11-28T12:00:00.000000', 'copy image to volume:Not enough space.'),
      ],
    });
    const result = await run(['--os-volume-api-version', '3.3', 'volume', 'create', '--size', '1', '--wait', 'vol1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr.endsWith("ucinder: volume 'vol1' is in status 'error': schedule allocate volume:Could not find any available weighted backend.\n")).toBe(true);
  });
});
