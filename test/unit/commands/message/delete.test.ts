import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

describe('message delete', () => {
  const mock = mockCinderPerTest();

  it('message delete reports each failure', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/messages/m1`, method: 'DELETE' }).reply(204, '');
    mock.pool.intercept({ path: `${BASE_PATH}/messages/m2`, method: 'DELETE' }).reply(404, { itemNotFound: { code: 404, message: 'Message m2 could not be found.' } });
    const deleted = await run(['message', 'delete', 'm1', 'm2'], mock.agent);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain("Failed to delete message 'm2': Message m2 could not be found. (HTTP 404)");
    expect(deleted.stderr).toContain('1 of 2 messages failed to delete');
  });
});
