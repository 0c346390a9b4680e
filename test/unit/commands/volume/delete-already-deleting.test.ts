import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

/**
 * Two scripts, one volume: the second DELETE reaches Cinder while the volume
 * is already `deleting`. Cinder answers with this 400 (seen on the test bed,
 * Zed, DELETE twice back to back), the same words as for a volume that
 * cannot be deleted at all; only the volume's status tells them apart.
 */
const REFUSED = {
  badRequest: {
    code: 400,
    message:
      'Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.',
  },
};
const ID = '43442f79-10ae-49a2-a44e-2338158bf033';
const gone = { itemNotFound: { code: 404, message: `Volume ${ID} could not be found.` } };

describe('volume delete of a volume that is already being deleted', () => {
  const mock = mockCinderPerTest();

  function refused() {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'DELETE' }).reply(400, REFUSED);
  }
  function status(value: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(200, { volume: { id: ID, name: 'vol1', status: value, size: 1 } });
  }
  function goneNow() {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(404, gone);
  }

  it('--wait waits for that deletion and succeeds when the volume is gone', async () => {
    interceptVersions(mock.pool);
    refused();
    status('deleting');
    status('deleting');
    goneNow();
    const result = await run(['volume', 'delete', '--wait', ID], mock.agent);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'Deleting 1 volume',
        `volume '${ID}' is already being deleted (status 'deleting')`,
        `volume '${ID}': deleting`,
        `volume '${ID}': deleted`,
        '1 volume deleted',
        '',
      ].join('\n'),
    });
  });

  it('--wait still fails when that deletion fails (error_deleting)', async () => {
    interceptVersions(mock.pool);
    refused();
    status('deleting');
    status('error_deleting');
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=${ID}&sort=created_at%3Adesc`, method: 'GET' }).reply(200, { messages: [] });
    const result = await run(['volume', 'delete', '--wait', ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr.endsWith(`ucinder: volume '${ID}' is in status 'error_deleting'\n`)).toBe(true);
  });

  it('without --wait succeeds too, saying so: the volume is being deleted, as asked', async () => {
    interceptVersions(mock.pool);
    refused();
    status('deleting');
    expect(await run(['volume', 'delete', ID], mock.agent)).toEqual({
      code: 0,
      stdout: '',
      stderr: `volume '${ID}' is already being deleted (status 'deleting')\n`,
    });
  });

  it('a volume gone between the refusal and the look at its status was deleted by the other request', async () => {
    interceptVersions(mock.pool);
    refused();
    goneNow();
    expect(await run(['volume', 'delete', ID], mock.agent)).toEqual({
      code: 0,
      stdout: '',
      stderr: `volume '${ID}' has meanwhile been deleted by another request\n`,
    });
  });

  it('by name: the lookup finds it, the DELETE is refused, its status says deleting', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/vol1`, method: 'GET' }).reply(404, gone);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=vol1`, method: 'GET' }).reply(200, { volumes: [{ id: ID, name: 'vol1', status: 'deleting', size: 1 }] });
    refused();
    status('deleting');
    expect(await run(['volume', 'delete', 'vol1'], mock.agent)).toEqual({
      code: 0,
      stdout: '',
      stderr: "volume 'vol1' is already being deleted (status 'deleting')\n",
    });
  });

  it("the same 400 for a volume in any other status stays a failure with Cinder's words", async () => {
    interceptVersions(mock.pool);
    refused();
    status('in-use');
    const result = await run(['volume', 'delete', '--wait', ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Deleting 1 volume\nucinder: ${REFUSED.badRequest.message} (HTTP 400)\n`);
  });
});
