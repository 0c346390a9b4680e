import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const ID = '33333333-0000-4000-8000-000000000003';

/** openstack's --no-property and --image-property on volume set, --image-property on volume unset. */
describe('volume set/unset: replacing properties and image properties', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  function volumeFound() {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' })
      .reply(200, { volume: { id: ID, name: 'vol1', status: 'available', size: 1, metadata: { a: '1', b: '2' }, attachments: [] } });
  }

  it('--no-property --property replaces the whole set in one PUT; --image-property is os-set_image_metadata', async () => {
    volumeFound();
    record('PUT', `/volumes/${ID}/metadata`, 200, { metadata: { c: '3' } });
    record('POST', `/volumes/${ID}/action`, 200, { metadata: { hw_disk_bus: 'scsi' } });
    const result = await run(['volume', 'set', '--no-property', '--property', 'c=3', '--image-property', 'hw_disk_bus=scsi', ID], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'PUT', path: `/volumes/${ID}/metadata`, body: { metadata: { c: '3' } } },
      { method: 'POST', path: `/volumes/${ID}/action`, body: { 'os-set_image_metadata': { metadata: { hw_disk_bus: 'scsi' } } } },
    ]);
  });

  it('--no-property alone clears every property', async () => {
    volumeFound();
    record('PUT', `/volumes/${ID}/metadata`, 200, { metadata: {} });
    const result = await run(['volume', 'set', '--no-property', ID], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/volumes/${ID}/metadata`, body: { metadata: {} } }]);
  });

  it('unset --image-property removes each key with os-unset_image_metadata, beside --property', async () => {
    volumeFound();
    record('DELETE', `/volumes/${ID}/metadata/a`, 200, '');
    record('POST', `/volumes/${ID}/action`, 200, '');
    record('POST', `/volumes/${ID}/action`, 200, '');
    const result = await run(['volume', 'unset', '--property', 'a', '--image-property', 'hw_disk_bus', '--image-property', 'os_type', ID], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toStrictEqual([
      { method: 'DELETE', path: `/volumes/${ID}/metadata/a`, body: undefined },
      { method: 'POST', path: `/volumes/${ID}/action`, body: { 'os-unset_image_metadata': { key: 'hw_disk_bus' } } },
      { method: 'POST', path: `/volumes/${ID}/action`, body: { 'os-unset_image_metadata': { key: 'os_type' } } },
    ]);
  });

  it('a malformed --image-property is a usage error before any request', async () => {
    const result = await run(['volume', 'set', '--image-property', 'novalue', 'vol1'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--image-property.*expected key=value, got 'novalue'/);
  });
});
