import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const notFound = { itemNotFound: { code: 404, message: 'Volume could not be found.' } };

describe('volume delete', () => {
  const mock = mockCinderPerTest();

  function found(id: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${id}`, method: 'GET' }).reply(200, { volume: { id, name: `n-${id}`, status: 'available', size: 1 } });
  }

  function missing(name: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${name}`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=${name}`, method: 'GET' }).reply(200, { volumes: [] });
  }

  it('deletes one volume quietly', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a`, method: 'DELETE' }).reply(202, '');
    const result = await run(['volume', 'delete', 'a'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('tries every volume and reports N of M failures with exit 1', async () => {
    interceptVersions(mock.pool);
    found('a');
    missing('b');
    found('c');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a`, method: 'DELETE' }).reply(202, '');
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/c`, method: 'DELETE' })
      .reply(400, { badRequest: { code: 400, message: 'Invalid volume: Volume status must be available or error.' } });
    // A refused delete looks for the volume's snapshots: none here, so Cinder's words stand.
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/detail?volume_id=c`, method: 'GET' }).reply(200, { snapshots: [] });
    const result = await run(['volume', 'delete', 'a', 'b', 'c'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        "Failed to delete volume with name or ID 'b': No volume with a name or ID of 'b' exists.",
        "Failed to delete volume with name or ID 'c': Invalid volume: Volume status must be available or error. (HTTP 400)",
        'ucinder: 2 of 3 volumes failed to delete',
        '',
      ].join('\n'),
    );
  });

  it('an argument shaped like an ID is deleted with one request, no lookup', async () => {
    interceptVersions(mock.pool);
    const id = '6f586dc2-9628-4439-9962-c9469eb4fe24';
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${id}`, method: 'DELETE' }).reply(202, '');
    expect(await run(['volume', 'delete', id], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a single failure keeps its own message', async () => {
    interceptVersions(mock.pool);
    missing('b');
    const result = await run(['volume', 'delete', 'b'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: No volume with a name or ID of 'b' exists.\n");
  });

  const refusal = {
    badRequest: {
      code: 400,
      message:
        'Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.',
    },
  };

  it('a delete refused because of snapshots names them and says --cascade (openstack: --purge)', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a`, method: 'DELETE' }).reply(400, refusal);
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/detail?volume_id=a`, method: 'GET' })
      .reply(200, { snapshots: [{ id: 's1', name: 'snap1', volume_id: 'a', status: 'available', size: 1 }] });
    const result = await run(['volume', 'delete', 'a'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: volume 'n-a' has 1 snapshot (snap1): give --cascade (openstack's --purge) to delete it with the volume, or delete it first\n");
  });

  it("--purge is --cascade under openstack's name", async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a?cascade=true`, method: 'DELETE' }).reply(202, '');
    expect(await run(['volume', 'delete', '--purge', 'a'], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--cascade and --force go in the query (3.23+)', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a?cascade=true&force=true`, method: 'DELETE' }).reply(202, '');
    expect((await run(['volume', 'delete', '--cascade', '--force', 'a'], mock.agent)).code).toBe(0);
  });

  it('--force before 3.23 uses the os-force_delete action', async () => {
    interceptVersions(mock.pool, '3.22');
    found('a');
    let body: unknown;
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a/action`, method: 'POST' }).reply(202, (options) => {
      body = JSON.parse(String(options.body));
      return '';
    });
    expect((await run(['volume', 'delete', '--force', 'a'], mock.agent)).code).toBe(0);
    expect(body).toStrictEqual({ 'os-force_delete': {} });
  });

  it('--wait polls until the volume answers 404', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a`, method: 'DELETE' }).reply(202, '');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a`, method: 'GET' }).reply(200, { volume: { id: 'a', name: 'n-a', status: 'deleting', size: 1 } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a`, method: 'GET' }).reply(404, notFound);
    const sleeps: number[] = [];
    // A frozen clock: the poll intervals alone decide the sleeps, never the deadline.
    const result = await run(['volume', 'delete', '--wait', 'a'], mock.agent, { sleeps, now: () => 0 });
    expect(result.code).toBe(0);
    expect(sleeps).toEqual([500]);
    expect(result.stderr.endsWith('1 volume deleted\n')).toBe(true);
  });

  it('--wait fails when the volume ends in error_deleting', async () => {
    interceptVersions(mock.pool);
    found('a');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a`, method: 'DELETE' }).reply(202, '');
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/a`, method: 'GET' }).reply(200, { volume: { id: 'a', name: 'n-a', status: 'error_deleting', size: 1 } });
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=a&sort=created_at%3Adesc`, method: 'GET' }).reply(200, { messages: [] });
    const result = await run(['volume', 'delete', '--wait', 'a'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr.endsWith("ucinder: volume 'n-a' is in status 'error_deleting'\n")).toBe(true);
  });

  it('needs at least one volume', async () => {
    const result = await run(['volume', 'delete'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: missing required argument 'volume'\n");
  });
});
