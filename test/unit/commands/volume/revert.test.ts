import { describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';
const SNAP_ID = '22222222-0000-4000-8000-000000000002';
const volume = (status: string) => ({ id: VOL_ID, name: 'vol1', status, size: 1 });

describe('volume revert', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('finds the snapshot by name, sends revert to its volume; --wait waits until it is available again', async () => {
    interceptVersions(mock.pool);
    record('GET', '/snapshots/snap1', 404, { itemNotFound: { code: 404, message: 'not found' } });
    record('GET', '/snapshots/detail?name=snap1', 200, { snapshots: [{ id: SNAP_ID, name: 'snap1', status: 'available', size: 1, volume_id: VOL_ID }] });
    record('GET', `/volumes/${VOL_ID}`, 200, { volume: volume('available') });
    record('POST', `/volumes/${VOL_ID}/action`, 202, '');
    record('GET', `/volumes/${VOL_ID}`, 200, { volume: volume('reverting') });
    record('GET', `/volumes/${VOL_ID}`, 200, { volume: volume('available') });
    const result = await run(['volume', 'revert', '--wait', 'snap1'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.body)).toStrictEqual([{ revert: { snapshot_id: SNAP_ID } }]);
    expect(result.stderr).toBe("Waiting for volume 'vol1' to be reverted\nvolume 'vol1': reverting\nvolume 'vol1': available\nvolume 'vol1' is available\n");
  });

  it("Cinder's refusal (not the latest snapshot) in one line, exit 1", async () => {
    interceptVersions(mock.pool);
    record('GET', `/snapshots/${SNAP_ID}`, 200, { snapshot: { id: SNAP_ID, name: 'snap1', status: 'available', size: 1, volume_id: VOL_ID } });
    record('GET', `/volumes/${VOL_ID}`, 200, { volume: volume('available') });
    record('POST', `/volumes/${VOL_ID}/action`, 400, { badRequest: { code: 400, message: 'Invalid snapshot: Volume 1 snapshot 2 is not the latest one of volume.' } });
    const result = await run(['volume', 'revert', SNAP_ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not the latest one of volume');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('before 3.40 fails before any request but the version discovery (exit 1)', async () => {
    interceptVersions(mock.pool, '3.39');
    const result = await run(['volume', 'revert', 'snap1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ucinder: 'volume revert' needs Block Storage API microversion 3\.40 or later, but this session uses 3\.39/);
  });

  it('no snapshot argument: usage error (exit 2)', async () => {
    const result = await run(['volume', 'revert'], mock.agent);
    expect(result.code).toBe(2);
  });
});
