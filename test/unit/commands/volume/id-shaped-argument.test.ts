import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, newAgent, run } from '../../helpers/harness.js';
import { GONE, OTHER, refusal } from '../../helpers/id-shaped.js';

/**
 * An argument shaped like an ID names a volume by ID only, for every command
 * that changes state: the ID may be gone (a script's retry of a delete) while
 * another volume is NAMED after it. Reads (show) keep the name fallback.
 */
const notFound = { itemNotFound: { code: 404, message: `Volume ${GONE} could not be found.` } };
const refused = (action: string) => `ucinder: ${refusal('volume', action)}\n`;

describe('an ID-shaped volume argument whose ID is gone', () => {
  const mock = mockCinderPerTest();

  function goneById(method: 'GET' | 'DELETE' = 'GET') {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${GONE}`, method }).reply(404, notFound);
  }
  function namedAfterIt(extra = '') {
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/detail?name=${GONE}${extra}`, method: 'GET' })
      .reply(200, { volumes: [{ id: OTHER, name: GONE, status: 'available', size: 1 }] });
  }

  it('volume delete run twice deletes the volume once, then refuses the volume named after its ID (exit 1)', async () => {
    // Each run closes its transport: the first run gets its own agent.
    const first = newAgent();
    interceptVersions(first.pool);
    first.pool.intercept({ path: `${BASE_PATH}/volumes/${GONE}`, method: 'DELETE' }).reply(202, '');
    expect(await run(['volume', 'delete', GONE], first.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    first.agent.assertNoPendingInterceptors();

    interceptVersions(mock.pool);
    goneById('DELETE');
    goneById();
    namedAfterIt();
    // No DELETE of OTHER is registered: sending one would fail the test.
    expect(await run(['volume', 'delete', GONE], mock.agent)).toEqual({ code: 1, stdout: '', stderr: refused('delete') });
  });

  it("in a bulk delete the refusal is that item's failure", async () => {
    interceptVersions(mock.pool);
    goneById('DELETE');
    goneById();
    namedAfterIt();
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${OTHER}`, method: 'DELETE' }).reply(202, '');
    const result = await run(['volume', 'delete', '--concurrency', '1', GONE, OTHER], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Failed to delete volume with name or ID '${GONE}': ${refused('delete').replace('ucinder: ', '')}` + 'ucinder: 1 of 2 volumes failed to delete\n');
  });

  it('several volumes named after the ID are all named, none is touched', async () => {
    interceptVersions(mock.pool);
    goneById('DELETE');
    goneById();
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=${GONE}`, method: 'GET' }).reply(200, {
      volumes: [
        { id: OTHER, name: GONE, status: 'available', size: 1 },
        { id: 'b0b0b0b0-0000-4000-8000-00000000b0b0', name: GONE, status: 'available', size: 1 },
      ],
    });
    const result = await run(['volume', 'delete', GONE], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `ucinder: no volume has ID ${GONE}; volumes ${OTHER}, b0b0b0b0-0000-4000-8000-00000000b0b0 are NAMED '${GONE}' — refusing to delete them by name; pass the ID of the one you mean\n`,
    });
  });

  it('with no volume named after it either, the error stays "no such volume"', async () => {
    interceptVersions(mock.pool);
    goneById('DELETE');
    goneById();
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=${GONE}`, method: 'GET' }).reply(200, { volumes: [] });
    expect(await run(['volume', 'delete', GONE], mock.agent)).toEqual({
      code: 1,
      stdout: '',
      stderr: `ucinder: No volume with a name or ID of '${GONE}' exists.\n`,
    });
  });

  it.each([
    ['set', ['volume', 'set', '--name', 'renamed', GONE], 'change'],
    ['unset', ['volume', 'unset', '--property', 'owner', GONE], 'change'],
    ['migrate', ['volume', 'migrate', '--host', 'node1@mmj2#mmj2', GONE], 'migrate'],
  ])('volume %s refuses it too, before any change', async (_verb, argv, action) => {
    interceptVersions(mock.pool);
    goneById();
    namedAfterIt();
    expect(await run(argv, mock.agent)).toEqual({ code: 1, stdout: '', stderr: refused(action) });
  });

  it('--all-projects looks names up in every project, and still refuses', async () => {
    interceptVersions(mock.pool);
    goneById();
    namedAfterIt('&all_tenants=1');
    expect(await run(['volume', 'set', '--all-projects', '--name', 'x', GONE], mock.agent)).toEqual({ code: 1, stdout: '', stderr: refused('change') });
  });

  it('volume show (a read) still finds the volume by that name', async () => {
    interceptVersions(mock.pool);
    goneById();
    namedAfterIt();
    const result = await run(['volume', 'show', GONE, '-f', 'value', '-c', 'id'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: `${OTHER}\n`, stderr: '' });
  });

  it('a name that does not look like an ID is still found by name', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/vol1`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=vol1`, method: 'GET' }).reply(200, { volumes: [{ id: OTHER, name: 'vol1', status: 'available', size: 1 }] });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${OTHER}`, method: 'DELETE' }).reply(202, '');
    expect(await run(['volume', 'delete', 'vol1'], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
