import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const BACKUP_ID = '33333333-0000-4000-8000-000000000003';

describe('volume backup show, set, unset', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function found(metadata: Record<string, string> = { a: '1', keep: 'yes' }) {
    mock.pool.intercept({ path: `${BASE_PATH}/backups/b1`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool
      .intercept({ path: `${BASE_PATH}/backups/detail?name=b1`, method: 'GET' })
      .reply(200, { backups: [{ id: BACKUP_ID, name: 'b1', status: 'available', size: 1, metadata, links: [] }] });
  }

  it("show prints Cinder's fields sorted, without links, metadata as it is", async () => {
    interceptVersions(mock.pool);
    found();
    const result = await run(['volume', 'backup', 'show', 'b1', '-f', 'json'], mock.agent);
    expect(result.stdout).toBe(JSON.stringify({ id: BACKUP_ID, metadata: { a: '1', keep: 'yes' }, name: 'b1', size: 1, status: 'available' }, null, 2) + '\n');
  });

  it('set resets the state first, then one update with the merged (or, with --no-property, replaced) metadata', async () => {
    interceptVersions(mock.pool);
    found();
    record('POST', `/backups/${BACKUP_ID}/action`, 202, '');
    record('PUT', `/backups/${BACKUP_ID}`, 200, { backup: { id: BACKUP_ID } });
    const result = await run(['volume', 'backup', 'set', '--state', 'error', '--name', 'b2', '--description', 'd', '--property', 'a=2', '--property', 'n=3', 'b1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'POST', path: `/backups/${BACKUP_ID}/action`, body: { 'os-reset_status': { status: 'error' } } },
      { method: 'PUT', path: `/backups/${BACKUP_ID}`, body: { backup: { name: 'b2', description: 'd', metadata: { a: '2', keep: 'yes', n: '3' } } } },
    ]);

    calls.length = 0;
    interceptVersions(mock.pool);
    found();
    record('PUT', `/backups/${BACKUP_ID}`, 200, { backup: { id: BACKUP_ID } });
    expect((await run(['volume', 'backup', 'set', '--no-property', '--property', 'only=this', 'b1'], mock.agent)).code).toBe(0);
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/backups/${BACKUP_ID}`, body: { backup: { metadata: { only: 'this' } } } }]);
  });

  it('set --name needs 3.9, --property 3.43: refused before the lookup', async () => {
    interceptVersions(mock.pool, '3.8');
    const name = await run(['volume', 'backup', 'set', '--name', 'x', 'b1'], mock.agent);
    expect(name.code).toBe(1);
    expect(name.stderr).toMatch(/^ucinder: --name needs Block Storage API microversion 3\.9 or later, but this session uses 3\.8/);
    interceptVersions(mock.pool, '3.42');
    const property = await run(['volume', 'backup', 'set', '--property', 'a=1', 'b1'], mock.agent);
    expect(property.stderr).toMatch(/^ucinder: --property needs Block Storage API microversion 3\.43 or later/);
  });

  it('unset sends the remaining properties; an unknown key is a warning, as in openstack', async () => {
    interceptVersions(mock.pool);
    found();
    record('PUT', `/backups/${BACKUP_ID}`, 200, { backup: { id: BACKUP_ID } });
    const result = await run(['volume', 'backup', 'unset', '--property', 'a', '--property', 'nope', 'b1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: "ucinder: warning: 'nope' is not a valid property for backup 'b1'\n" });
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/backups/${BACKUP_ID}`, body: { backup: { metadata: { keep: 'yes' } } } }]);
  });

  it('unset needs 3.43', async () => {
    interceptVersions(mock.pool, '3.42');
    const result = await run(['volume', 'backup', 'unset', '--property', 'a', 'b1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ucinder: --property needs Block Storage API microversion 3\.43 or later/);
  });

  it('nothing to set or unset, and an unknown --state, are usage errors before any request', async () => {
    const nothing = await run(['volume', 'backup', 'set', 'b1'], mock.agent);
    expect(nothing).toEqual({ code: 2, stdout: '', stderr: 'ucinder: nothing to change: give --name, --description, --property, --no-property or --state\n' });
    const unset = await run(['volume', 'backup', 'unset', 'b1'], mock.agent);
    expect(unset).toEqual({ code: 2, stdout: '', stderr: 'ucinder: nothing to unset: give --property KEY\n' });
    const state = await run(['volume', 'backup', 'set', '--state', 'creating', 'b1'], mock.agent);
    expect(state.code).toBe(2);
    expect(state.stderr).toContain("argument 'creating' is invalid");
    expect((await run(['volume', 'backup', 'show'], mock.agent)).code).toBe(2);
  });
});
