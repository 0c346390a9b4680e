import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const ID = '0b1c2d3e-0000-4000-8000-00000000000a';
const VOLUME = { id: ID, name: 'vol1', status: 'available', size: 1, metadata: {}, links: [{ rel: 'self', href: 'h' }] };

describe('volume show', () => {
  const mock = mockCinderPerTest();

  const notFound = { itemNotFound: { code: 404, message: 'Volume could not be found.' } };

  it("finds a volume by ID and prints openstack's fields, sorted, without links", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(200, { volume: { ...VOLUME, metadata: { k: 'v' }, volume_type: 'mmj' } });
    const result = await run(['volume', 'show', ID, '-f', 'json'], mock.agent);
    expect(result.stdout).toBe(`{\n  "id": "${ID}",\n  "name": "vol1",\n  "properties": {\n    "k": "v"\n  },\n  "size": 1,\n  "status": "available",\n  "type": "mmj"\n}\n`);
  });

  it('--raw prints the volume as Cinder returned it', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(200, { volume: { ...VOLUME, volume_type: 'mmj' } });
    const result = await run(['volume', 'show', ID, '--raw', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual({ ...VOLUME, volume_type: 'mmj' });
  });

  it('falls back to the name', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/vol1`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=vol1`, method: 'GET' }).reply(200, { volumes: [VOLUME, { ...VOLUME, id: 'other', name: 'vol10' }] });
    const result = await run(['volume', 'show', 'vol1', '-f', 'value', '-c', 'id'], mock.agent);
    expect(result.stdout).toBe(`${ID}\n`);
    expect(result.code).toBe(0);
  });

  it('--all-projects looks the name up in every project', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/theirs`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?all_tenants=1&name=theirs`, method: 'GET' }).reply(200, { volumes: [{ ...VOLUME, name: 'theirs' }] });
    const result = await run(['volume', 'show', '--all-projects', 'theirs', '-f', 'value', '-c', 'name'], mock.agent);
    expect(result.stdout).toBe('theirs\n');
  });

  it('says so when nothing matches, exit 1', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/x`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=x`, method: 'GET' }).reply(200, { volumes: [] });
    const result = await run(['volume', 'show', 'x'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: No volume with a name or ID of 'x' exists.\n");
  });

  it('lists every matching ID when a name is ambiguous, exit 1', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/dup`, method: 'GET' }).reply(404, notFound);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=dup`, method: 'GET' }).reply(200, {
      volumes: [
        { ...VOLUME, id: 'id-1', name: 'dup' },
        { ...VOLUME, id: 'id-2', name: 'dup' },
      ],
    });
    const result = await run(['volume', 'show', 'dup'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: More than one volume exists with the name 'dup': id-1, id-2; use an ID instead.\n");
  });

  it('reports other API errors as they are', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/vol1`, method: 'GET' })
      .reply(403, { forbidden: { code: 403, message: 'Policy does not allow volume:get to be performed.' } }, { headers: { 'x-openstack-request-id': 'req-7' } });
    const result = await run(['volume', 'show', 'vol1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: Policy does not allow volume:get to be performed. (HTTP 403) (Request-ID: req-7)\n');
  });

  it('-f shell escapes for eval', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' })
      .reply(200, { volume: { id: ID, description: 'a "b" $HOME `x` \\n', 'os-vol-host-attr:host': 'h@b#p' } });
    const result = await run(['volume', 'show', ID, '-f', 'shell', '--prefix', 'vol_'], mock.agent);
    expect(result.stdout).toBe(`vol_description="a \\"b\\" \\$HOME \\\`x\\\` \\\\n"\nvol_id="${ID}"\nvol_os_vol_host_attr_host="h@b#p"\nvol_properties="{}"\nvol_type="None"\n`);
  });

  it('rejects an unknown field with exit 2', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(200, { volume: { id: ID, name: 'vol1' } });
    const result = await run(['volume', 'show', ID, '-c', 'nope'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: unknown field 'nope': choose from 'id', 'name', 'properties', 'type'\n");
  });
});
