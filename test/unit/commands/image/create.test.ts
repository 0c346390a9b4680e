import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';

const GLANCE = 'http://glance.test:9292';
const VOL_ID = '11111111-0000-4000-8000-000000000001';
const IMAGE_ID = '808cf8ee-255f-4432-b29b-67019ab68bcb';
const REQ = 'req-0b7d8c2e-1111-4a5b-9c3d-000000000001';
const ACTION = `${BASE_PATH}/volumes/${VOL_ID}/action`;

function volume(status: string, extra: Record<string, unknown> = {}) {
  return { id: VOL_ID, name: 'vol1', status, size: 1, updated_at: `2026-12-06T05:0${status === 'uploading' ? 1 : 2}:00.000000`, ...extra };
}

/** Cinder's answer to os-volume_upload_image (volume/api.py copy_volume_to_image), the volume type as the object it sends. */
function uploadAnswer(extra: Record<string, unknown> = {}) {
  return {
    'os-volume_upload_image': {
      id: VOL_ID,
      updated_at: '2026-12-06T05:01:00.000000',
      status: 'uploading',
      display_description: null,
      size: 1,
      volume_type: { id: 'a6b0e1c4-0000-4000-8000-00000000000a', name: '__DEFAULT__', extra_specs: {}, is_public: true },
      image_id: IMAGE_ID,
      container_format: 'bare',
      disk_format: 'raw',
      image_name: 'img1',
      protected: false,
      visibility: 'private',
      ...extra,
    },
  };
}

describe('image create --volume', () => {
  const mock = mockCinderPerTest();

  /** The volume by ID, as the finder asks first. */
  function volumeById() {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: volume('available') });
  }

  /** Records the upload request's body and answers it as Cinder does. */
  function upload(bodies: unknown[], status = 202, answer: unknown = uploadAnswer()) {
    mock.pool.intercept({ path: ACTION, method: 'POST' }).reply(
      status,
      (options) => {
        bodies.push(jsonBody(options.body));
        return answer as object;
      },
      { headers: { 'x-openstack-request-id': REQ } },
    );
  }

  it("sends openstack's request (visibility and protected from 3.1 on) and prints openstack's record: sorted, the volume type by name", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/vol1`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=vol1`, method: 'GET' }).reply(200, { volumes: [volume('available')] });
    const bodies: unknown[] = [];
    upload(bodies);
    const result = await run(['image', 'create', '--volume', 'vol1', 'img1', '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(bodies).toStrictEqual([
      { 'os-volume_upload_image': { image_name: 'img1', force: false, container_format: 'bare', disk_format: 'raw', visibility: 'private', protected: false } },
    ]);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual([
      'container_format',
      'disk_format',
      'display_description',
      'id',
      'image_id',
      'image_name',
      'protected',
      'size',
      'status',
      'updated_at',
      'visibility',
      'volume_type',
    ]);
    expect(printed).toMatchObject({ id: VOL_ID, image_id: IMAGE_ID, status: 'uploading', volume_type: '__DEFAULT__', display_description: null });
  });

  it("every flag: formats, --force, --public and --protected; --visibility as cinder spells it; --raw prints Cinder's answer", async () => {
    interceptVersions(mock.pool);
    volumeById();
    const bodies: unknown[] = [];
    upload(bodies);
    const flags = await run(
      ['image', 'create', '--volume', VOL_ID, '--disk-format', 'qcow2', '--container-format', 'ovf', '--force', '--public', '--protected', 'img1'],
      mock.agent,
    );
    expect(flags.code, flags.stderr).toBe(0);
    mock.renew();
    interceptVersions(mock.pool);
    volumeById();
    upload(bodies, 202, uploadAnswer({ volume_type: null }));
    const cinderSpelling = await run(['image', 'create', '--volume', VOL_ID, '--visibility', 'community', '--unprotected', 'img1', '-f', 'json', '--raw'], mock.agent);
    expect(cinderSpelling.code, cinderSpelling.stderr).toBe(0);
    expect(bodies).toStrictEqual([
      { 'os-volume_upload_image': { image_name: 'img1', force: true, container_format: 'ovf', disk_format: 'qcow2', visibility: 'public', protected: true } },
      { 'os-volume_upload_image': { image_name: 'img1', force: false, container_format: 'bare', disk_format: 'raw', visibility: 'community', protected: false } },
    ]);
    expect(JSON.parse(cinderSpelling.stdout)).toMatchObject({ volume_type: null, image_id: IMAGE_ID });
  });

  it('below 3.1 the request has no visibility or protected, and a flag asking for them is refused before the upload', async () => {
    interceptVersions(mock.pool, '3.0');
    volumeById();
    const bodies: unknown[] = [];
    upload(bodies, 202, uploadAnswer({ protected: undefined, visibility: undefined }));
    const plain = await run(['image', 'create', '--volume', VOL_ID, 'img1', '-f', 'value', '-c', 'image_id'], mock.agent);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toBe(`${IMAGE_ID}\n`);
    expect(bodies).toStrictEqual([{ 'os-volume_upload_image': { image_name: 'img1', force: false, container_format: 'bare', disk_format: 'raw' } }]);
    mock.renew();
    interceptVersions(mock.pool, '3.0');
    const refused = await run(['image', 'create', '--volume', VOL_ID, '--protected', 'img1'], mock.agent);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe("ucinder: --protected needs Block Storage API microversion 3.1 or later, but this session uses 3.0 (the server's maximum)\n");
  });

  it("an in-use volume without --force: Cinder's refusal, one line, exit 1", async () => {
    interceptVersions(mock.pool);
    volumeById();
    mock.pool
      .intercept({ path: ACTION, method: 'POST' })
      .reply(400, { badRequest: { code: 400, message: `Invalid volume: Volume ${VOL_ID} status must be available` } }, { headers: { 'x-openstack-request-id': REQ } });
    const result = await run(['image', 'create', '--volume', VOL_ID, 'img1'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `ucinder: Invalid volume: Volume ${VOL_ID} status must be available (HTTP 400) (Request-ID: ${REQ})\n` });
  });

  it('--wait follows the volume back to in-use, then the image to active in Glance; prints the volume status and the image status', async () => {
    interceptVersions(mock.pool);
    volumeById();
    upload([]);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: volume('uploading') });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: volume('in-use') });
    const glance = mock.agent.get(GLANCE);
    glance.intercept({ path: `/v2/images/${IMAGE_ID}`, method: 'GET' }).reply(200, { id: IMAGE_ID, name: 'img1', status: 'saving' });
    glance.intercept({ path: `/v2/images/${IMAGE_ID}`, method: 'GET' }).reply(200, { id: IMAGE_ID, name: 'img1', status: 'active' });
    const result = await run(['image', 'create', '--volume', VOL_ID, '--force', '--wait', 'img1', '-f', 'json'], mock.agent, { env: { OS_IMAGE_ENDPOINT: GLANCE } });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'in-use', image_status: 'active', updated_at: '2026-12-06T05:02:00.000000', image_id: IMAGE_ID });
    expect(result.stderr).toBe(
      "Waiting for volume 'vol1' to finish the upload\nvolume 'vol1': uploading\nvolume 'vol1': in-use\nvolume 'vol1' is available or in-use\n" +
        "Waiting for image 'img1' to become active\nimage 'img1': saving\nimage 'img1': active\nimage 'img1' is active\n",
    );
  });

  it("--wait: an upload that failed ends with Glance's status of the image and Cinder's user message for the request", async () => {
    interceptVersions(mock.pool);
    volumeById();
    upload([]);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: volume('available') });
    // cinder-volume deletes an image whose upload failed: Glance then answers 404.
    mock.agent
      .get(GLANCE)
      .intercept({ path: `/v2/images/${IMAGE_ID}`, method: 'GET' })
      .reply(404, '404 Not Found');
    const older = { id: 'm0', resource_uuid: VOL_ID, request_id: 'req-older', created_at: '2026-12-06T04:00:00', user_message: 'an older failure' };
    const ours = {
      id: 'm1',
      resource_uuid: VOL_ID,
      request_id: REQ,
      created_at: '2026-12-06T05:01:30',
      user_message: 'copy volume to image:Failed to upload volume to image at backend.',
    };
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=${VOL_ID}&sort=created_at%3Adesc`, method: 'GET' }).reply(200, { messages: [older, ours] });
    const result = await run(['image', 'create', '--volume', VOL_ID, '--wait', 'img1'], mock.agent, { env: { OS_IMAGE_ENDPOINT: GLANCE } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\nucinder: image 'img1' is in status 'deleted': copy volume to image:Failed to upload volume to image at backend\.\n$/);
  });

  it('--wait without a message from Cinder names the request ID and the volume service whose log has the reason', async () => {
    interceptVersions(mock.pool);
    volumeById();
    upload([]);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: volume('available', { 'os-vol-host-attr:host': 'node1@mmj#mmj' }) });
    mock.agent
      .get(GLANCE)
      .intercept({ path: `/v2/images/${IMAGE_ID}`, method: 'GET' })
      .reply(200, { id: IMAGE_ID, name: 'img1', status: 'killed' });
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=${VOL_ID}&sort=created_at%3Adesc`, method: 'GET' }).reply(200, { messages: [] });
    const result = await run(['image', 'create', '--volume', VOL_ID, '--wait', 'img1'], mock.agent, { env: { OS_IMAGE_ENDPOINT: GLANCE } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`\\nucinder: image 'img1' is in status 'killed': Cinder left no user message; Cinder logged the reason under ${REQ} in the log of cinder-volume node1@mmj\\n$`),
    );
  });

  it('--wait without an image service endpoint is a usage error before any request', async () => {
    const result = await run(['image', 'create', '--volume', VOL_ID, '--wait', 'img1'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ucinder: --wait needs the image service: give the Glance endpoint \(--os-image-endpoint \/ OS_IMAGE_ENDPOINT\)/);
  });

  it.each([
    [['image', 'create', 'img1'], "ucinder: required option '--volume <volume>' not specified\n"],
    [['image', 'create', '--volume', 'vol1'], "ucinder: missing required argument 'image-name'\n"],
    [['image', 'create', '--volume', 'vol1', ''], "ucinder: command-argument value '' is invalid for argument 'image-name'. a name cannot be empty.\n"],
    [
      ['image', 'create', '--volume', 'vol1', '--disk-format', 'qcow', 'img1'],
      /^ucinder: option '--disk-format <disk-format>' argument 'qcow' is invalid\. Allowed choices are ami, ari, aki, vhd, vmdk, raw, qcow2/,
    ],
    [['image', 'create', '--volume', 'vol1', '--container-format', 'tar', 'img1'], /^ucinder: option '--container-format <container-format>' argument 'tar' is invalid/],
    [['image', 'create', '--volume', 'vol1', '--public', '--private', 'img1'], "ucinder: option '--public' cannot be used with option '--private'\n"],
    [['image', 'create', '--volume', 'vol1', '--shared', '--visibility', 'public', 'img1'], "ucinder: option '--shared' cannot be used with option '--visibility <visibility>'\n"],
    [['image', 'create', '--volume', 'vol1', '--visibility', 'everyone', 'img1'], /^ucinder: option '--visibility <visibility>' argument 'everyone' is invalid/],
    [['image', 'create', '--volume', 'vol1', '--protected', '--unprotected', 'img1'], "ucinder: option '--protected' cannot be used with option '--unprotected'\n"],
  ])('bad input %j: exit 2 before any request', async (argv, message) => {
    const result = await run(argv, mock.agent);
    expect(result.code).toBe(2);
    if (typeof message === 'string') expect(result.stderr).toBe(message);
    else expect(result.stderr).toMatch(message);
  });

  it.each([
    ["a proxy's 200 {}", {}, `ucinder: POST ${ACTION} answered without a 'os-volume_upload_image' object\n`],
    [
      'no image_id',
      { 'os-volume_upload_image': { id: VOL_ID, status: 'uploading' } },
      `ucinder: POST ${ACTION} answered without a 'image_id' string in 'os-volume_upload_image'\n`,
    ],
  ])('a malformed upload answer (%s) is exit 1, never an empty record', async (_case, answer, message) => {
    interceptVersions(mock.pool);
    volumeById();
    upload([], 202, answer);
    const result = await run(['image', 'create', '--volume', VOL_ID, 'img1'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: message });
  });

  it('--wait: Glance answering 200 {} for the image is exit 1, not an image in no status', async () => {
    interceptVersions(mock.pool);
    volumeById();
    upload([]);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, { volume: volume('available') });
    mock.agent
      .get(GLANCE)
      .intercept({ path: `/v2/images/${IMAGE_ID}`, method: 'GET' })
      .reply(200, {});
    const result = await run(['image', 'create', '--volume', VOL_ID, '--wait', 'img1'], mock.agent, { env: { OS_IMAGE_ENDPOINT: GLANCE } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\\nucinder: GET /v2/images/${IMAGE_ID} answered without a 'id' string\\n$`));
  });

  it('--wait: a malformed volume while polling (200 {}) is exit 1', async () => {
    interceptVersions(mock.pool);
    volumeById();
    upload([]);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL_ID}`, method: 'GET' }).reply(200, {});
    const result = await run(['image', 'create', '--volume', VOL_ID, '--wait', 'img1'], mock.agent, { env: { OS_IMAGE_ENDPOINT: GLANCE } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\\nucinder: GET ${BASE_PATH}/volumes/${VOL_ID} answered without a 'volume' object\\n$`));
  });
});
