import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, newAgent, run } from '../../helpers/harness.js';

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

describe('volume list', () => {
  let mock = newAgent();
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
  });

  it('shows the default columns', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [VOLUME] });
    const result = await run(['volume', 'list', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      { ID: 'v-1', Name: 'vol1', Status: 'in-use', Size: 10, 'Attached to': 'Attached to node1 on /dev/sdb' },
    ]);
  });

  it('--long adds type, bootable, properties and host', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [VOLUME] });
    const result = await run(['volume', 'list', '--long', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      {
        ID: 'v-1', Name: 'vol1', Status: 'in-use', Size: 10, Type: 'mmj2', Bootable: 'false',
        'Attached to': 'Attached to node1 on /dev/sdb', Properties: { tier: 'gold' }, Host: 'node1@mmj2#pool',
      },
    ]);
  });

  it('--all-projects sends all_tenants=1 and adds the Project column', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${DETAIL}?all_tenants=1`, method: 'GET' }).reply(200, { volumes: [VOLUME] });
    const result = await run(['volume', 'list', '--all-projects', '-f', 'csv'], mock.agent);
    expect(result.stdout).toBe('"ID","Name","Project","Status","Size","Attached to"\n"v-1","vol1","proj-a","in-use",10,"Attached to node1 on /dev/sdb"\n');
  });

  it('--name and --status become query filters', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${DETAIL}?name=vol1&status=available`, method: 'GET' }).reply(200, { volumes: [] });
    const result = await run(['volume', 'list', '--name', 'vol1', '--status', 'available'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints a table with an ASCII border and no escape codes', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET' }).reply(200, { volumes: [{ id: 'v-2', name: 'b', status: 'available', size: 1, attachments: [] }] });
    const result = await run(['volume', 'list'], mock.agent);
    expect(result.stdout).toBe(
      [
        '+-----+------+-----------+------+-------------+',
        '| ID  | Name | Status    | Size | Attached to |',
        '+-----+------+-----------+------+-------------+',
        '| v-2 | b    | available | 1    |             |',
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
});
