import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';

const GLANCE = 'http://glance.test:9292';
const VOL_ID = '11111111-0000-4000-8000-000000000001';
const IMAGE_ID = '808cf8ee-255f-4432-b29b-67019ab68bcb';
const OLD_IMAGE_ID = '9c799064-b44e-42f8-a5fc-04e5641c34ed';
const REQ = 'req-0b7d8c2e-2222-4a5b-9c3d-000000000002';
const VOLUME_PATH = `${BASE_PATH}/volumes/${VOL_ID}`;
const MESSAGES = `${BASE_PATH}/messages?resource_uuid=${VOL_ID}&sort=created_at%3Adesc`;

function volume(status: string, imageId?: string) {
  return {
    id: VOL_ID,
    name: 'vol1',
    status,
    size: 1,
    'os-vol-host-attr:host': 'node1@mmj#mmj',
    ...(imageId ? { volume_image_metadata: { image_id: imageId, image_name: 'img' } } : {}),
  };
}

describe('volume reimage', () => {
  const mock = mockCinderPerTest();

  function volumeById(status = 'available', imageId?: string) {
    mock.pool.intercept({ path: VOLUME_PATH, method: 'GET' }).reply(200, { volume: volume(status, imageId) });
  }

  function reimage(bodies: unknown[], status = 202, answer: object | string = '') {
    mock.pool.intercept({ path: `${VOLUME_PATH}/action`, method: 'POST' }).reply(
      status,
      (options) => {
        bodies.push(jsonBody(options.body));
        return answer;
      },
      { headers: { 'x-openstack-request-id': REQ } },
    );
  }

  it('sends os-reimage with the image ID (no image service needed for an ID) and prints nothing', async () => {
    interceptVersions(mock.pool);
    volumeById();
    const bodies: unknown[] = [];
    reimage(bodies);
    const plain = await run(['volume', 'reimage', '--image', IMAGE_ID, VOL_ID], mock.agent);
    expect(plain).toEqual({ code: 0, stdout: '', stderr: '' });
    mock.renew();
    interceptVersions(mock.pool);
    volumeById('reserved');
    reimage(bodies);
    const reserved = await run(['volume', 'reimage', '--image', IMAGE_ID, '--reimage-reserved', VOL_ID], mock.agent);
    expect(reserved.code, reserved.stderr).toBe(0);
    expect(bodies).toStrictEqual([{ 'os-reimage': { image_id: IMAGE_ID, reimage_reserved: false } }, { 'os-reimage': { image_id: IMAGE_ID, reimage_reserved: true } }]);
  });

  it('an image name and a volume name: the image from Glance, the volume by name', async () => {
    interceptVersions(mock.pool);
    mock.agent
      .get(GLANCE)
      .intercept({ path: '/v2/images?name=cirros', method: 'GET' })
      .reply(200, { images: [{ id: IMAGE_ID, name: 'cirros', status: 'active' }] });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/vol1`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=vol1`, method: 'GET' }).reply(200, { volumes: [volume('available')] });
    const bodies: unknown[] = [];
    reimage(bodies);
    const result = await run(['volume', 'reimage', '--image', 'cirros', 'vol1'], mock.agent, { env: { OS_IMAGE_ENDPOINT: GLANCE } });
    expect(result.code, result.stderr).toBe(0);
    expect(bodies).toStrictEqual([{ 'os-reimage': { image_id: IMAGE_ID, reimage_reserved: false } }]);
  });

  it('an ID-shaped volume argument that only names a volume is refused: re-imaging destroys data', async () => {
    interceptVersions(mock.pool);
    const named = '22222222-0000-4000-8000-000000000002';
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${named}`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=${named}`, method: 'GET' }).reply(200, { volumes: [{ ...volume('available'), name: named }] });
    const result = await run(['volume', 'reimage', '--image', IMAGE_ID, named], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`refusing to reimage it by name`);
  });

  it('--wait: downloading, then back to available with the new image', async () => {
    interceptVersions(mock.pool);
    volumeById('available', OLD_IMAGE_ID);
    reimage([]);
    mock.pool.intercept({ path: VOLUME_PATH, method: 'GET' }).reply(200, { volume: volume('downloading', OLD_IMAGE_ID) });
    mock.pool.intercept({ path: VOLUME_PATH, method: 'GET' }).reply(200, { volume: volume('available', IMAGE_ID) });
    const result = await run(['volume', 'reimage', '--image', IMAGE_ID, '--wait', VOL_ID], mock.agent);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: "Waiting for volume 'vol1' to be re-imaged\nvolume 'vol1': downloading\nvolume 'vol1': available\nvolume 'vol1' is re-imaged\n",
    });
  });

  it("--wait: a failed re-image ends in error with Cinder's user message for the request", async () => {
    interceptVersions(mock.pool);
    volumeById();
    reimage([]);
    mock.pool.intercept({ path: VOLUME_PATH, method: 'GET' }).reply(200, { volume: volume('error') });
    const message = {
      id: 'm1',
      resource_uuid: VOL_ID,
      request_id: REQ,
      created_at: '2026-12-06T05:01:30',
      user_message: 'reimage volume:Image conversion is not allowed for the image.',
    };
    mock.pool.intercept({ path: MESSAGES, method: 'GET' }).reply(200, { messages: [message] });
    const result = await run(['volume', 'reimage', '--image', IMAGE_ID, '--wait', VOL_ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\nucinder: volume 'vol1' is in status 'error': reimage volume:Image conversion is not allowed for the image\.\n$/);
  });

  it("--wait from 'error': Cinder puts 'error' back either way, so the volume's image metadata decides", async () => {
    interceptVersions(mock.pool);
    volumeById('error', OLD_IMAGE_ID);
    reimage([]);
    mock.pool.intercept({ path: VOLUME_PATH, method: 'GET' }).reply(200, { volume: volume('error', IMAGE_ID) });
    const worked = await run(['volume', 'reimage', '--image', IMAGE_ID, '--wait', VOL_ID], mock.agent);
    expect(worked.code, worked.stderr).toBe(0);
    mock.renew();
    interceptVersions(mock.pool);
    volumeById('error', OLD_IMAGE_ID);
    reimage([]);
    mock.pool.intercept({ path: VOLUME_PATH, method: 'GET' }).reply(200, { volume: volume('error', OLD_IMAGE_ID) });
    mock.pool.intercept({ path: MESSAGES, method: 'GET' }).reply(200, { messages: [] });
    const failed = await run(['volume', 'reimage', '--image', IMAGE_ID, '--wait', VOL_ID], mock.agent);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(
        `\\nucinder: volume 'vol1' is in status 'error' without the image ${IMAGE_ID}: Cinder left no user message; Cinder logged the reason under ${REQ} in the log of cinder-volume node1@mmj\\n$`,
      ),
    );
  });

  it("Cinder's refusal (a volume in use) is one line, exit 1", async () => {
    interceptVersions(mock.pool);
    volumeById('in-use');
    reimage([], 400, { badRequest: { code: 400, message: `Invalid volume: Volume ${VOL_ID} status must be available or error, but current status is in-use.` } });
    const result = await run(['volume', 'reimage', '--image', IMAGE_ID, VOL_ID], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `ucinder: Invalid volume: Volume ${VOL_ID} status must be available or error, but current status is in-use. (HTTP 400) (Request-ID: ${REQ})\n`,
    });
  });

  it('needs 3.68: refused before any request but the version discovery', async () => {
    interceptVersions(mock.pool, '3.67');
    const result = await run(['volume', 'reimage', '--image', IMAGE_ID, VOL_ID], mock.agent, { env: { OS_IMAGE_ENDPOINT: GLANCE } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: 'volume reimage' needs Block Storage API microversion 3.68 or later, but this session uses 3.67 (the server's maximum)\n");
  });

  it('an image name without an image service is a usage error before any request', async () => {
    const result = await run(['volume', 'reimage', '--image', 'cirros', VOL_ID], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ucinder: --image 'cirros' is not an image ID; to use image names, give the Glance endpoint/);
  });

  it.each([
    [['volume', 'reimage', VOL_ID], "ucinder: required option '--image <image>' not specified\n"],
    [['volume', 'reimage', '--image', IMAGE_ID], "ucinder: missing required argument 'volume'\n"],
    [['volume', 'reimage', '--image', IMAGE_ID, '--wait-timeout', '0', VOL_ID], /^ucinder: option '--wait-timeout <seconds>' argument '0' is invalid/],
  ])('bad input %j: exit 2 before any request', async (argv, message) => {
    const result = await run(argv, mock.agent);
    expect(result.code).toBe(2);
    if (typeof message === 'string') expect(result.stderr).toBe(message);
    else expect(result.stderr).toMatch(message);
  });

  it("a malformed volume (a proxy's 200 {}) is exit 1 before anything is sent", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: VOLUME_PATH, method: 'GET' }).reply(200, {});
    const result = await run(['volume', 'reimage', '--image', IMAGE_ID, VOL_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `ucinder: GET ${BASE_PATH}/volumes/${VOL_ID} answered without a 'volume' object\n` });
  });
});
