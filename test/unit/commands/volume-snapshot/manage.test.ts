import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';
const SNAP_ID = '22222222-0000-4000-8000-000000000002';

function snapshot(status: string) {
  return { id: SNAP_ID, name: 'snap7', status, size: 1, volume_id: VOL_ID, metadata: { a: '1' } };
}

describe('volume snapshot create --remote-source (manage) and delete --remote (unmanage)', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function volumeById() {
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' })
      .reply(200, { volume: { id: VOL_ID, name: 'vol1', status: 'available', size: 1, 'os-vol-host-attr:host': 'node1@mmj#mmj' } });
  }

  it('posts volume, reference, name, description and metadata to manageable_snapshots; --wait polls', async () => {
    interceptVersions(mock.pool);
    volumeById();
    record('POST', '/manageable_snapshots', 202, { snapshot: snapshot('creating') });
    record('GET', `/snapshots/${SNAP_ID}`, 200, { snapshot: snapshot('available') });
    const result = await run(
      ['volume', 'snapshot', 'create', '--volume', VOL_ID, '--remote-source', 'source-name=snap7', '--description', 'd', '--property', 'a=1', '--wait', 'snap7', '-f', 'json'],
      mock.agent,
    );
    expect(result.code).toBe(0);
    expect(calls[0]!.body).toStrictEqual({ snapshot: { volume_id: VOL_ID, ref: { 'source-name': 'snap7' }, name: 'snap7', description: 'd', metadata: { a: '1' } } });
    expect(JSON.parse(result.stdout)).toMatchObject({ id: SNAP_ID, status: 'available', properties: { a: '1' } });
  });

  it('--wait on a snapshot the backend does not list says so (exit 1)', async () => {
    interceptVersions(mock.pool);
    volumeById();
    mock.pool
      .intercept({ path: `${BASE_PATH}/manageable_snapshots`, method: 'POST' })
      .reply(202, { snapshot: snapshot('creating') }, { headers: { 'x-openstack-request-id': 'req-5678' } });
    record('GET', `/snapshots/${SNAP_ID}`, 200, { snapshot: snapshot('error') });
    record('GET', `/messages?resource_uuid=${SNAP_ID}&sort=created_at%3Adesc`, 200, { messages: [] });
    record('GET', '/manageable_snapshots?host=node1%40mmj', 200, { 'manageable-snapshots': [] });
    const result = await run(['volume', 'snapshot', 'create', '--volume', VOL_ID, '--remote-source', 'source-name=nope', '--wait', 'snap7'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      "ucinder: snapshot 'snap7' is in status 'error': the backend node1@mmj lists no manageable item with reference {'source-name': 'nope'}; Cinder logged the reason under req-5678 in the log of cinder-volume node1@mmj",
    );
  });

  it('--remote-source with --force is a usage error (exit 2)', async () => {
    const result = await run(['volume', 'snapshot', 'create', '--volume', VOL_ID, '--remote-source', 'source-name=x', '--force', 's'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be used with option');
  });

  it('delete --remote sends os-unmanage', async () => {
    interceptVersions(mock.pool);
    record('GET', `/snapshots/${SNAP_ID}`, 200, { snapshot: snapshot('available') });
    record('POST', `/snapshots/${SNAP_ID}/action`, 202, '');
    const result = await run(['volume', 'snapshot', 'delete', '--remote', SNAP_ID], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.body)).toStrictEqual([{ 'os-unmanage': {} }]);
  });

  it('delete --remote --force is a usage error (exit 2)', async () => {
    const result = await run(['volume', 'snapshot', 'delete', '--remote', '--force', SNAP_ID], mock.agent);
    expect(result.code).toBe(2);
  });
});
