import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const DETAIL = `${BASE_PATH}/volumes/detail`;
const VOLUME = {
  id: 'v-1',
  name: 'vol1',
  status: 'in-use',
  size: 10,
  volume_type: 'mmj2',
  bootable: 'false',
  metadata: { tier: 'gold' },
  attachments: [{ server_id: null, host_name: 'node1', device: '/dev/sdb' }],
  'os-vol-host-attr:host': 'node1@mmj2#pool',
  'os-vol-tenant-attr:tenant_id': 'proj-a',
};

function volume(id: string) {
  return { id, name: `n-${id}`, status: 'available', size: 1, attachments: [] };
}

function nextLink(query: string) {
  // Cinder builds links from its own idea of its public URL, often another host.
  return [{ rel: 'next', href: `https://public.example:443${DETAIL}?${query}` }];
}

describe('volume list', () => {
  const mock = mockCinderPerTest();

  it("shows openstack's default columns, the attachments as data in JSON", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [VOLUME] });
    const result = await run(['volume', 'list', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual([{ ID: 'v-1', Name: 'vol1', Status: 'in-use', Size: 10, 'Attached to': VOLUME.attachments }]);
  });

  it("words 'Attached to' in a table as openstack does", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [VOLUME] });
    const result = await run(['volume', 'list', '-c', 'Attached to'], mock.agent);
    expect(result.stdout).toContain('| Attached to None on /dev/sdb  |');
  });

  it("--long adds openstack's type, bootable and properties, then ucinder's host", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [VOLUME] });
    const result = await run(['volume', 'list', '--long', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      {
        ID: 'v-1',
        Name: 'vol1',
        Status: 'in-use',
        Size: 10,
        Type: 'mmj2',
        Bootable: 'false',
        'Attached to': VOLUME.attachments,
        Properties: { tier: 'gold' },
        Host: 'node1@mmj2#pool',
      },
    ]);
  });

  it("--all-projects sends all_tenants=1 and adds the Project column after openstack's", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${DETAIL}?all_tenants=1`, method: 'GET' }).reply(200, { volumes: [VOLUME] });
    const result = await run(['volume', 'list', '--all-projects', '-f', 'csv'], mock.agent);
    expect(result.stdout).toBe(
      '"ID","Name","Status","Size","Attached to","Project"\n' + `"v-1","vol1","in-use",10,"[{'server_id': None, 'host_name': 'node1', 'device': '/dev/sdb'}]","proj-a"\n`,
    );
  });

  it('--name and --status become query filters', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${DETAIL}?name=vol1&status=available`, method: 'GET' }).reply(200, { volumes: [] });
    const result = await run(['volume', 'list', '--name', 'vol1', '--status', 'available'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints a table as openstack does (ASCII border, numbers right-aligned) with no escape codes', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [{ id: 'v-2', name: 'b', status: 'available', size: 1, attachments: [] }] });
    const result = await run(['volume', 'list'], mock.agent);
    expect(result.stdout).toBe(
      [
        '+-----+------+-----------+------+-------------+',
        '| ID  | Name | Status    | Size | Attached to |',
        '+-----+------+-----------+------+-------------+',
        '| v-2 | b    | available |    1 |             |',
        '+-----+------+-----------+------+-------------+',
        '',
      ].join('\n'),
    );
    expect(result.stdout).not.toMatch(/\x1b/);
  });

  it('--print-empty prints the header of an empty table', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [] });
    const result = await run(['volume', 'list', '--print-empty', '-c', 'ID'], mock.agent);
    expect(result.stdout).toBe('+----+\n| ID |\n+----+\n+----+\n');
  });

  it('-f shell is not offered for lists', async () => {
    const result = await run(['volume', 'list', '-f', 'shell'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: option '-f, --format <format>' argument 'shell' is invalid. Allowed choices are table, json, yaml, value, csv.\n");
  });

  it('prints JSON keyed by the column headers, following next links', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({
        path: `${BASE_PATH}/volumes/detail`,
        method: 'GET',
        headers: { 'openstack-api-version': 'volume 3.70', 'x-auth-token': `admin:0123456789abcdef0123456789abcdef` },
      })
      .reply(200, {
        volumes: [{ id: 'a1', name: 'vol1', status: 'available', size: 1, attachments: [] }],
        volumes_links: [{ rel: 'next', href: `http://elsewhere:8776${BASE_PATH}/volumes/detail?marker=a1` }],
      });
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/detail?marker=a1`, method: 'GET' })
      .reply(200, { volumes: [{ id: 'b2', name: 'vol2', status: 'error', size: 2, attachments: [] }] });

    const result = await run(['volume', 'list', '-f', 'json'], mock.agent);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { ID: 'a1', Name: 'vol1', Status: 'available', Size: 1, 'Attached to': [] },
      { ID: 'b2', Name: 'vol2', Status: 'error', Size: 2, 'Attached to': [] },
    ]);
  });

  it('rejects an unknown column before sending any request', async () => {
    const result = await run(['volume', 'list', '-c', 'Nope'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: unknown column 'Nope': choose from 'ID', 'Name', 'Status', 'Size', 'Attached to'\n");
  });

  describe('pages', () => {
    it('sends --limit as limit and caps the total across pages', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${DETAIL}?limit=3`, method: 'GET' }).reply(200, { volumes: [volume('a'), volume('b')], volumes_links: nextLink('limit=3&marker=b') });
      // The server may ignore limit; we still stop at three.
      mock.pool.intercept({ path: `${DETAIL}?limit=1&marker=b`, method: 'GET' }).reply(200, { volumes: [volume('c'), volume('d')], volumes_links: nextLink('limit=1&marker=d') });
      const result = await run(['volume', 'list', '--limit', '3', '-f', 'value', '-c', 'ID'], mock.agent);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('a\nb\nc\n');
      expect(result.code).toBe(0);
    });

    it('passes --marker through', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${DETAIL}?marker=start-id`, method: 'GET' }).reply(200, { volumes: [volume('x')] });
      const result = await run(['volume', 'list', '--marker', 'start-id', '-f', 'value', '-c', 'ID'], mock.agent);
      expect(result.stdout).toBe('x\n');
      expect(result.code).toBe(0);
    });

    it.each(['0', '-1', 'abc'])('rejects --limit %s before any request', async (limit) => {
      const result = await run(['volume', 'list', '--limit', limit], mock.agent);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`ucinder: option '--limit <n>' argument '${limit}' is invalid. expected a positive whole number.\n`);
    });
  });
});
