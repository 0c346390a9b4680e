import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';
const snapshot = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `snap-${id}`,
  description: null,
  status: 'available',
  size: 1,
  volume_id: VOL_ID,
  created_at: '2026-01-01T00:00:00.000000',
  metadata: { k: 'v' },
  'os-extended-snapshot-attributes:project_id': 'p1',
  ...extra,
});

describe('volume snapshot show', () => {
  const mock = mockCinderPerTest();

  it('shows a snapshot by name, metadata as properties (as openstack)', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/snap-a`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/detail?name=snap-a`, method: 'GET' }).reply(200, { snapshots: [snapshot('a')] });
    const result = await run(['volume', 'snapshot', 'show', 'snap-a', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.stdout);
    expect(shown).toMatchObject({ id: 'a', name: 'snap-a', volume_id: VOL_ID, properties: { k: 'v' } });
    expect(shown).not.toHaveProperty('metadata');
  });

  it('refuses to pick one of two snapshots with the same name', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/dup`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/detail?name=dup`, method: 'GET' })
      .reply(200, { snapshots: [snapshot('a', { name: 'dup' }), snapshot('b', { name: 'dup' })] });
    const result = await run(['volume', 'snapshot', 'show', 'dup'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: More than one snapshot exists with the name 'dup': a, b; use an ID instead.\n" });
  });
});
