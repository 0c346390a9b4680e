import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';
const TRANSFER_ID = '33333333-0000-4000-8000-000000000003';
const AUTH_KEY = 'f00dfeedcafe1234';
const links = [{ rel: 'self', href: 'http://cinder.test/x' }];
const transfer = { id: TRANSFER_ID, name: 'to-b', volume_id: VOL_ID, created_at: '2026-11-28T18:00:00.000000', links };

describe('volume transfer request', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function volumeById() {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: { id: VOL_ID, name: 'vol1', status: 'available', size: 1 } });
  }

  it('create: sends volume and name, prints the auth key once, sorted fields without links', async () => {
    interceptVersions(mock.pool);
    volumeById();
    record('POST', '/volume-transfers', 202, { transfer: { ...transfer, auth_key: AUTH_KEY } });
    const result = await run(['volume', 'transfer', 'request', 'create', '--name', 'to-b', VOL_ID, '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls.map((call) => call.body)).toStrictEqual([{ transfer: { volume_id: VOL_ID, name: 'to-b' } }]);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toStrictEqual(['auth_key', 'created_at', 'id', 'name', 'volume_id']);
    expect(printed.auth_key).toBe(AUTH_KEY);
  });

  it('create --no-snapshots sends no_snapshots: true', async () => {
    interceptVersions(mock.pool);
    volumeById();
    record('POST', '/volume-transfers', 202, { transfer: { ...transfer, auth_key: AUTH_KEY } });
    expect((await run(['volume', 'transfer', 'request', 'create', '--no-snapshots', VOL_ID], mock.agent)).code).toBe(0);
    expect(calls.map((call) => call.body)).toStrictEqual([{ transfer: { volume_id: VOL_ID, no_snapshots: true } }]);
  });

  it('create --no-snapshots before 3.55 fails before any request but the version discovery (exit 1)', async () => {
    interceptVersions(mock.pool, '3.50');
    const result = await run(['volume', 'transfer', 'request', 'create', '--no-snapshots', VOL_ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: --snapshots/--no-snapshots needs Block Storage API microversion 3.55 or later, but this session uses 3.50 (the server's maximum)\n");
  });

  it('create before 3.55 uses /os-volume-transfer', async () => {
    interceptVersions(mock.pool, '3.50');
    volumeById();
    record('POST', '/os-volume-transfer', 202, { transfer: { ...transfer, auth_key: AUTH_KEY } });
    expect((await run(['volume', 'transfer', 'request', 'create', VOL_ID], mock.agent)).code).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('--debug never shows the auth key', async () => {
    interceptVersions(mock.pool);
    volumeById();
    record('POST', '/volume-transfers', 202, { transfer: { ...transfer, auth_key: AUTH_KEY } });
    const result = await run(['--debug', 'volume', 'transfer', 'request', 'create', VOL_ID, '-f', 'value', '-c', 'id'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"auth_key":"***"');
    expect(result.stderr).not.toContain(AUTH_KEY);
  });

  it('accept: sends the key to the accept action and prints id, name, volume_id', async () => {
    interceptVersions(mock.pool);
    record('POST', `/volume-transfers/${TRANSFER_ID}/accept`, 202, { transfer: { id: TRANSFER_ID, name: 'to-b', volume_id: VOL_ID, links } });
    const result = await run(['volume', 'transfer', 'request', 'accept', '--auth-key', AUTH_KEY, TRANSFER_ID, '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(calls.map((call) => call.body)).toStrictEqual([{ accept: { auth_key: AUTH_KEY } }]);
    expect(JSON.parse(result.stdout)).toStrictEqual({ id: TRANSFER_ID, name: 'to-b', volume_id: VOL_ID });
  });

  it("accept with a wrong key: Cinder's message, exit 1", async () => {
    interceptVersions(mock.pool);
    record('POST', `/volume-transfers/${TRANSFER_ID}/accept`, 400, {
      badRequest: { code: 400, message: `Invalid auth key: Attempt to transfer ${TRANSFER_ID} with invalid auth key.` },
    });
    const result = await run(['volume', 'transfer', 'request', 'accept', '--auth-key', 'wrong', TRANSFER_ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Invalid auth key: Attempt to transfer ${TRANSFER_ID} with invalid auth key.`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('accept without --auth-key is a usage error before any request (exit 2)', async () => {
    const result = await run(['volume', 'transfer', 'request', 'accept', TRANSFER_ID], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--auth-key <key>' not specified");
  });

  it('list: ID, Name, Volume; --all-projects asks for all tenants', async () => {
    interceptVersions(mock.pool);
    record('GET', '/volume-transfers/detail?all_tenants=1', 200, { transfers: [transfer] });
    const result = await run(['volume', 'transfer', 'request', 'list', '--all-projects', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual([{ ID: TRANSFER_ID, Name: 'to-b', Volume: VOL_ID }]);
  });

  it('show by name: the transfer named so, sorted fields without links', async () => {
    interceptVersions(mock.pool);
    record('GET', '/volume-transfers/to-b', 404, { itemNotFound: { code: 404, message: 'not found' } });
    record('GET', '/volume-transfers/detail', 200, { transfers: [transfer, { ...transfer, id: 'other', name: 'other' }] });
    const result = await run(['volume', 'transfer', 'request', 'show', 'to-b', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({ created_at: transfer.created_at, id: TRANSFER_ID, name: 'to-b', volume_id: VOL_ID });
  });

  it('delete: tries every one, then "1 of 2 volume transfer requests failed to delete"', async () => {
    interceptVersions(mock.pool);
    record('GET', `/volume-transfers/${TRANSFER_ID}`, 200, { transfer });
    record('DELETE', `/volume-transfers/${TRANSFER_ID}`, 202, '');
    record('GET', '/volume-transfers/gone', 404, { itemNotFound: { code: 404, message: 'not found' } });
    record('GET', '/volume-transfers/detail', 200, { transfers: [] });
    const result = await run(['volume', 'transfer', 'request', 'delete', TRANSFER_ID, 'gone'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No volume transfer request with a name or ID of 'gone' exists.");
    expect(result.stderr).toContain('1 of 2 volume transfer requests failed to delete');
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  });
});
