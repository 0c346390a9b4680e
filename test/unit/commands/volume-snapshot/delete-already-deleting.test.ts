import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

/** As for volumes: Cinder's 400 for a snapshot already `deleting` (volume/api.py delete_snapshot, Zed) is no failure of ours. */
const REFUSED = { badRequest: { code: 400, message: 'Invalid snapshot: Snapshot status must be available or error and must not be part of a group.' } };

describe('volume snapshot delete of a snapshot that is already being deleted', () => {
  const mock = mockCinderPerTest();

  function snapshot(status: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/s1`, method: 'GET' }).reply(200, { snapshot: { id: 's1', name: 'snap1', status, size: 1, volume_id: 'v' } });
  }

  it('--wait waits for that deletion and succeeds', async () => {
    interceptVersions(mock.pool);
    snapshot('deleting');
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/s1`, method: 'DELETE' }).reply(400, REFUSED);
    snapshot('deleting');
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/s1`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'Snapshot s1 could not be found.' } });
    const result = await run(['volume', 'snapshot', 'delete', '--wait', 's1'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("snapshot 'snap1' is already being deleted (status 'deleting')\n");
    expect(result.stderr.endsWith('1 snapshot deleted\n')).toBe(true);
  });

  it("any other status keeps Cinder's refusal", async () => {
    interceptVersions(mock.pool);
    snapshot('creating');
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/s1`, method: 'DELETE' }).reply(400, REFUSED);
    snapshot('creating');
    expect(await run(['volume', 'snapshot', 'delete', 's1'], mock.agent)).toEqual({ code: 1, stdout: '', stderr: `ucinder: ${REFUSED.badRequest.message} (HTTP 400)\n` });
  });
});
