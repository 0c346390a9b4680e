import { beforeEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';

const NEW_ID = '5f0c3a1e-0000-4000-8000-000000000001';
const IMAGE_ID = 'c0a27c4d-151f-484a-937c-dd35d4d3cefa';
const GLANCE = 'http://glance.test:9292';
const IMAGE = {
  id: '808cf8ee-255f-4432-b29b-67019ab68bcb',
  name: 'cirros',
  status: 'active',
  disk_format: 'raw',
  container_format: 'bare',
  size: 1048576,
  visibility: 'public',
  protected: false,
  owner: null,
};

function volume(status: string, extra: Record<string, unknown> = {}) {
  return { id: NEW_ID, name: 'vol1', status, size: 2, bootable: 'false', attachments: [], links: [{ rel: 'self', href: 'x' }], ...extra };
}

describe('volume create', () => {
  const mock = mockCinderPerTest();
  let bodies: unknown[] = [];
  beforeEach(() => {
    bodies = [];
  });

  function interceptCreate(reply = volume('creating')) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes`, method: 'POST' }).reply(202, (options) => {
      bodies.push(jsonBody(options.body));
      return { volume: reply };
    });
  }

  it('sends exactly the fields given and prints the volume keyed as openstack keys it', async () => {
    interceptVersions(mock.pool);
    interceptCreate();
    const result = await run(
      [
        'volume',
        'create',
        '--size',
        '2',
        '--type',
        'mmj2',
        '--availability-zone',
        'nova',
        '--property',
        'a=1',
        '--property',
        'b=x=y',
        '--description',
        'first disk',
        'vol1',
        '-f',
        'json',
      ],
      mock.agent,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(bodies).toStrictEqual([
      {
        volume: {
          name: 'vol1',
          size: 2,
          description: 'first disk',
          volume_type: 'mmj2',
          availability_zone: 'nova',
          metadata: { a: '1', b: 'x=y' },
        },
      },
    ]);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      attachments: [],
      bootable: 'false',
      id: NEW_ID,
      name: 'vol1',
      properties: {},
      size: 2,
      status: 'creating',
      type: null,
    });
  });

  it('sends only name and size when nothing else is given', async () => {
    interceptVersions(mock.pool);
    interceptCreate();
    expect((await run(['volume', 'create', '--size', '1', 'vol1'], mock.agent)).code).toBe(0);
    expect(bodies).toStrictEqual([{ volume: { name: 'vol1', size: 1 } }]);
  });

  it('resolves --snapshot by name to snapshot_id, size optional', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/snap1`, method: 'GET' }).reply(404, { itemNotFound: { message: 'not found' } });
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/detail?name=snap1`, method: 'GET' })
      .reply(200, { snapshots: [{ id: 'snap-id-1', name: 'snap1', status: 'available', size: 1, volume_id: 'v' }] });
    interceptCreate();
    expect((await run(['volume', 'create', '--snapshot', 'snap1', 'vol1'], mock.agent)).code).toBe(0);
    expect(bodies).toStrictEqual([{ volume: { name: 'vol1', snapshot_id: 'snap-id-1' } }]);
  });

  it('resolves --source by name to source_volid', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/src`, method: 'GET' }).reply(404, { itemNotFound: { message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=src`, method: 'GET' }).reply(200, { volumes: [{ id: 'src-id', name: 'src', status: 'available', size: 3 }] });
    interceptCreate();
    expect((await run(['volume', 'create', '--source', 'src', '--size', '4', 'clone'], mock.agent)).code).toBe(0);
    expect(bodies).toStrictEqual([{ volume: { name: 'clone', size: 4, source_volid: 'src-id' } }]);
  });

  it('--image sets imageRef and --bootable calls os-set_bootable, then shows the fresh volume', async () => {
    interceptVersions(mock.pool);
    interceptCreate();
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}/action`, method: 'POST' }).reply(200, (options) => {
      bodies.push(jsonBody(options.body));
      return '';
    });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}`, method: 'GET' }).reply(200, { volume: volume('creating', { bootable: 'true' }) });
    const result = await run(['volume', 'create', '--image', IMAGE_ID, '--size', '8', '--bootable', 'vol1', '-f', 'value', '-c', 'bootable'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('true\n');
    expect(bodies).toStrictEqual([{ volume: { name: 'vol1', size: 8, imageRef: IMAGE_ID } }, { 'os-set_bootable': { bootable: true } }]);
  });

  describe('usage errors: exit 2, no request', () => {
    it.each([
      [['--size', '0'], "ucinder: option '--size <GiB>' argument '0' is invalid. expected a positive whole number.\n"],
      [['--size', 'abc'], "ucinder: option '--size <GiB>' argument 'abc' is invalid. expected a positive whole number.\n"],
      [['--size', '1.5'], "ucinder: option '--size <GiB>' argument '1.5' is invalid. expected a positive whole number.\n"],
      [[], 'ucinder: --size is required unless --snapshot, --source or --backup is given\n'],
      [['--size', '1', '--property', 'novalue'], "ucinder: option '--property <key=value>' argument 'novalue' is invalid. expected key=value, got 'novalue'.\n"],
      [['--size', '1', '--property', '=v'], "ucinder: option '--property <key=value>' argument '=v' is invalid. expected key=value, got '=v'.\n"],
      [['--image', 'i', '--snapshot', 's'], "ucinder: option '--image <image>' cannot be used with option '--snapshot <snapshot>'\n"],
      [['--size', '1', '--bootable', '--non-bootable'], "ucinder: option '--bootable' cannot be used with option '--non-bootable'\n"],
      [['--size', '1', '--wait-timeout', '-5'], "ucinder: option '--wait-timeout <seconds>' argument '-5' is invalid. expected a positive number of seconds.\n"],
    ])('%j', async (flags, stderr) => {
      const result = await run(['volume', 'create', ...flags, 'vol1'], mock.agent);
      expect(result.stderr).toBe(stderr);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
    });

    it('rejects an empty name', async () => {
      const result = await run(['volume', 'create', '--size', '1', ''], mock.agent);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe("ucinder: command-argument value '' is invalid for argument 'name'. a name cannot be empty.\n");
    });

    it('needs a name', async () => {
      const result = await run(['volume', 'create', '--size', '1'], mock.agent);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe("ucinder: missing required argument 'name'\n");
    });
  });

  describe('--wait', () => {
    it('polls until available with growing sleeps and prints the final volume', async () => {
      interceptVersions(mock.pool);
      interceptCreate();
      const path = `${BASE_PATH}/volumes/${NEW_ID}`;
      mock.pool.intercept({ path, method: 'GET' }).reply(200, { volume: volume('creating') });
      mock.pool.intercept({ path, method: 'GET' }).reply(200, { volume: volume('creating') });
      mock.pool.intercept({ path, method: 'GET' }).reply(200, { volume: volume('available') });
      const sleeps: number[] = [];
      // A frozen clock: the poll intervals alone decide the sleeps, never the deadline.
      const result = await run(['volume', 'create', '--size', '2', '--wait', 'vol1', '-f', 'value', '-c', 'status'], mock.agent, { sleeps, now: () => 0 });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('available\n');
      expect(sleeps).toEqual([500, 750]);
      expect(result.stderr).toBe("Waiting for volume 'vol1' to become available\nvolume 'vol1': creating\nvolume 'vol1': available\nvolume 'vol1' is available\n");
    });

    it('fails with exit 1 and the reason from the messages API when the volume ends in error', async () => {
      interceptVersions(mock.pool);
      interceptCreate();
      mock.pool.intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}`, method: 'GET' }).reply(200, { volume: volume('error') });
      mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=${NEW_ID}&sort=created_at%3Adesc`, method: 'GET' }).reply(200, {
        messages: [
          {
            id: 'm2',
            event_id: 'VOLUME_000002',
            resource_uuid: NEW_ID,
            message_level: 'ERROR',
            created_at: '2024-01-01T00:00:02',
            user_message: 'schedule allocate volume:No valid backend was found. No weighed backends available',
          },
          { id: 'm1', event_id: 'VOLUME_000001', resource_uuid: NEW_ID, message_level: 'ERROR', created_at: '2024-01-01T00:00:01', user_message: 'older' },
        ],
      });
      const result = await run(['volume', 'create', '--size', '2', '--wait', 'vol1'], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n').slice(-2)).toEqual([
        "ucinder: volume 'vol1' is in status 'error': schedule allocate volume:No valid backend was found. No weighed backends available",
        '',
      ]);
    });

    it('gives up after --wait-timeout, saying the volume continues on the server', async () => {
      interceptVersions(mock.pool);
      interceptCreate();
      let clock = 0;
      mock.pool
        .intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}`, method: 'GET' })
        .reply(200, () => {
          clock += 6000;
          return { volume: volume('creating') };
        })
        .times(2);
      const result = await run(['volume', 'create', '--size', '2', '--wait', '--wait-timeout', '10', 'vol1'], mock.agent, { now: () => clock });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/ucinder: timed out after 10 s waiting for volume 'vol1' \(last status 'creating'\); it continues on the server\n$/);
    });
  });
});

describe('volume create --image through Glance', () => {
  const mock = mockCinderPerTest();
  const withGlance = { env: { OS_IMAGE_ENDPOINT: `${GLANCE}/v2/` } };

  it('--image NAME is resolved through Glance to the ID Cinder gets', async () => {
    interceptVersions(mock.pool);
    mock.agent
      .get(GLANCE)
      .intercept({ path: '/v2/images?name=cirros', method: 'GET' })
      .reply(200, { images: [IMAGE] });
    let sent: unknown;
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes`, method: 'POST', body: (body) => ((sent = JSON.parse(body)), true) })
      .reply(202, { volume: { id: 'v1', name: 'vol5', status: 'creating', size: 1 } });
    const result = await run(['volume', 'create', '--image', 'cirros', '--size', '1', 'vol5'], mock.agent, withGlance);
    expect(result.code, result.stderr).toBe(0);
    expect(sent).toMatchObject({ volume: { imageRef: IMAGE.id, size: 1, name: 'vol5' } });
  });

  it('two images with the name: ambiguous, nothing created', async () => {
    interceptVersions(mock.pool);
    mock.agent
      .get(GLANCE)
      .intercept({ path: '/v2/images?name=cirros', method: 'GET' })
      .reply(200, { images: [IMAGE, { ...IMAGE, id: 'i2' }] });
    const result = await run(['volume', 'create', '--image', 'cirros', '--size', '1', 'vol5'], mock.agent, withGlance);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`More than one image exists with the name 'cirros': ${IMAGE.id}, i2`);
  });

  it('without Glance an ID goes to Cinder unchanged and a name is a usage error', async () => {
    interceptVersions(mock.pool);
    let sent: unknown;
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes`, method: 'POST', body: (body) => ((sent = JSON.parse(body)), true) })
      .reply(202, { volume: { id: 'v1', name: 'vol4', status: 'creating', size: 1 } });
    const byId = await run(['volume', 'create', '--image', IMAGE.id, '--size', '1', 'vol4'], mock.agent);
    expect(byId.code, byId.stderr).toBe(0);
    expect(sent).toMatchObject({ volume: { imageRef: IMAGE.id } });
    mock.renew();
    interceptVersions(mock.pool);
    const byName = await run(['volume', 'create', '--image', 'cirros', '--size', '1', 'vol4'], mock.agent);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain("--image 'cirros' is not an image ID");
  });
});
