import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';

const notFound = { itemNotFound: { code: 404, message: 'Snapshot could not be found.' } };

describe('volume snapshot delete', () => {
  const mock = mockCinderPerTest();

  function found(id: string, status = 'available') {
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/${id}`, method: 'GET' }).reply(200, { snapshot: { id, name: `n-${id}`, status, size: 1, volume_id: 'v' } });
  }

  function missing(name: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/${name}`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/detail?name=${name}`, method: 'GET' }).reply(200, { snapshots: [] });
  }

  it('deletes one snapshot quietly', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/a`, method: 'DELETE' }).reply(202, '');
    expect(await run(['volume', 'snapshot', 'delete', 'a'], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('tries every snapshot, then reports "N of M snapshots failed to delete" with exit 1', async () => {
    interceptVersions(mock.pool);
    found('a');
    missing('b');
    found('c');
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/a`, method: 'DELETE' }).reply(202, '');
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/c`, method: 'DELETE' })
      .reply(400, { badRequest: { code: 400, message: 'Invalid snapshot: Snapshot status must be available or error.' } });
    const result = await run(['volume', 'snapshot', 'delete', 'a', 'b', 'c', '--concurrency', '1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "Failed to delete snapshot with name or ID 'b': No snapshot with a name or ID of 'b' exists.\n" +
        "Failed to delete snapshot with name or ID 'c': Invalid snapshot: Snapshot status must be available or error. (HTTP 400)\n" +
        'ucinder: 2 of 3 snapshots failed to delete\n',
    );
  });

  it('--force uses the os-force_delete action', async () => {
    interceptVersions(mock.pool);
    found('a', 'error_deleting');
    const bodies: unknown[] = [];
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/a/action`, method: 'POST' }).reply(202, (options) => {
      bodies.push(jsonBody(options.body));
      return '';
    });
    expect((await run(['volume', 'snapshot', 'delete', '--force', 'a'], mock.agent)).code).toBe(0);
    expect(bodies).toStrictEqual([{ 'os-force_delete': {} }]);
  });

  it('--wait polls until the snapshot is gone', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/a`, method: 'DELETE' }).reply(202, '');
    found('a', 'deleting');
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/a`, method: 'GET' }).reply(404, notFound);
    const result = await run(['volume', 'snapshot', 'delete', '--wait', 'a'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("Deleting 1 snapshot\nsnapshot 'a': deleting\nsnapshot 'a': deleted\n1 snapshot deleted\n");
  });

  it('--wait fails when the snapshot ends in error_deleting, with the reason', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/a`, method: 'DELETE' }).reply(202, '');
    found('a', 'error_deleting');
    mock.pool
      .intercept({ path: `${BASE_PATH}/messages?resource_uuid=a&sort=created_at%3Adesc`, method: 'GET' })
      .reply(200, { messages: [{ id: 'm', event_id: 'e', resource_uuid: 'a', user_message: 'delete snapshot: Snapshot is busy.', message_level: 'ERROR', created_at: 'now' }] });
    const result = await run(['volume', 'snapshot', 'delete', '--wait', 'a'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ucinder: snapshot 'n-a' is in status 'error_deleting': delete snapshot: Snapshot is busy.\n");
  });
});
