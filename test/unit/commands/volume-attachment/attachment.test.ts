import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const VOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const ATT = 'bbbbbbbb-0000-4000-8000-000000000001';
const ATT2 = 'bbbbbbbb-0000-4000-8000-000000000002';
const SERVER = 'cccccccc-0000-4000-8000-000000000001';

const ATTACHMENT = {
  id: ATT,
  volume_id: VOL,
  instance: SERVER,
  status: 'attached',
  attach_mode: 'rw',
  attached_at: '2026-03-01T11:00:00.000000',
  detached_at: '',
  connection_info: { driver_volume_type: 'iscsi', target_lun: 1 },
};

describe('volume attachment', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it("list: openstack's columns; --all-projects and --status become all_tenants and attach_status (Cinder's status filter matches nothing)", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/attachments/detail?all_tenants=1&volume_id=${VOL}&attach_status=attached`, method: 'GET' }).reply(200, { attachments: [ATTACHMENT] });
    const result = await run(['volume', 'attachment', 'list', '--all-projects', '--volume-id', VOL, '--status', 'attached', '-f', 'csv'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`"ID","Volume ID","Server ID","Status"\n"${ATT}","${VOL}","${SERVER}","attached"\n`);
  });

  it('list --volume NAME resolves the volume; --long adds mode, time, and the host from the volume (read once per volume)', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/vol1`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=vol1`, method: 'GET' }).reply(200, { volumes: [{ id: VOL, name: 'vol1', status: 'in-use', size: 1 }] });
    mock.pool
      .intercept({ path: `${BASE_PATH}/attachments/detail?volume_id=${VOL}`, method: 'GET' })
      .reply(200, { attachments: [ATTACHMENT, { ...ATTACHMENT, id: ATT2, status: 'reserved', attach_mode: null, attached_at: '' }] });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL}`, method: 'GET' }).reply(200, {
      volume: { id: VOL, name: 'vol1', status: 'in-use', size: 1, attachments: [{ attachment_id: ATT, server_id: SERVER, host_name: 'compute1' }] },
    });
    const result = await run(['volume', 'attachment', 'list', '--volume', 'vol1', '--long', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        ID: ATT,
        'Volume ID': VOL,
        'Server ID': SERVER,
        Status: 'attached',
        'Attach Mode': 'rw',
        'Attached At': '2026-03-01T11:00:00.000000',
        Host: 'compute1',
        'Volume Status': 'in-use',
      },
      { ID: ATT2, 'Volume ID': VOL, 'Server ID': SERVER, Status: 'reserved', 'Attach Mode': null, 'Attached At': null, Host: null, 'Volume Status': 'in-use' },
    ]);
  });

  it("show: openstack's fields in openstack's order, connection_info as Properties", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/attachments/${ATT}`, method: 'GET' }).reply(200, { attachment: ATTACHMENT });
    const result = await run(['volume', 'attachment', 'show', ATT, '-f', 'json'], mock.agent);
    const shown = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(shown)).toEqual(['ID', 'Volume ID', 'Instance ID', 'Status', 'Attach Mode', 'Attached At', 'Detached At', 'Properties']);
    expect(shown.Properties).toEqual({ driver_volume_type: 'iscsi', target_lun: 1 });
  });

  it('create: reserve only by default; --connect sends the whole connector as openstack does; --mode from 3.54', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL}`, method: 'GET' }).reply(200, { volume: { id: VOL, name: 'vol1', status: 'available', size: 1 } });
    record('POST', '/attachments', 200, { attachment: { ...ATTACHMENT, status: 'reserved' } });
    const reserved = await run(['volume', 'attachment', 'create', VOL, SERVER, '-f', 'value', '-c', 'Status'], mock.agent);
    expect(reserved.stdout).toBe('reserved\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${VOL}`, method: 'GET' }).reply(200, { volume: { id: VOL, name: 'vol1', status: 'available', size: 1 } });
    record('POST', '/attachments', 200, { attachment: ATTACHMENT });
    const connected = await run(['volume', 'attachment', 'create', '--connect', '--host', 'compute1', '--ip', '192.0.2.1', '--mode', 'ro', VOL, SERVER], mock.agent);
    expect(connected.code, connected.stderr).toBe(0);
    expect(calls.map((call) => call.body)).toEqual([
      { attachment: { volume_uuid: VOL, instance_uuid: SERVER } },
      {
        attachment: {
          volume_uuid: VOL,
          instance_uuid: SERVER,
          mode: 'ro',
          connector: { initiator: null, ip: '192.0.2.1', platform: null, host: 'compute1', os_type: null, multipath: false, mountpoint: null },
        },
      },
    ]);
  });

  it('set: PUT with the connector, prints the attachment; complete: os-complete', async () => {
    interceptVersions(mock.pool);
    record('PUT', `/attachments/${ATT}`, 200, { attachment: ATTACHMENT });
    const set = await run(['volume', 'attachment', 'set', '--host', 'compute1', '--multipath', ATT, '-f', 'value', '-c', 'Status'], mock.agent);
    expect(set.stdout).toBe('attached\n');
    mock.renew();
    interceptVersions(mock.pool);
    record('POST', `/attachments/${ATT}/action`, 204, '');
    expect(await run(['volume', 'attachment', 'complete', ATT], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toEqual([
      {
        method: 'PUT',
        path: `/attachments/${ATT}`,
        body: { attachment: { connector: { initiator: null, ip: null, platform: null, host: 'compute1', os_type: null, multipath: true, mountpoint: null } } },
      },
      { method: 'POST', path: `/attachments/${ATT}/action`, body: { 'os-complete': null } },
    ]);
  });

  it('delete: several IDs, each tried; a failure is reported and counted (exit 1)', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/attachments/${ATT}`, method: 'DELETE' }).reply(200, { attachments: [] });
    mock.pool
      .intercept({ path: `${BASE_PATH}/attachments/${ATT2}`, method: 'DELETE' })
      .reply(404, { itemNotFound: { code: 404, message: 'Volume attachment could not be found.' } });
    const result = await run(['volume', 'attachment', 'delete', ATT, ATT2], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Failed to delete attachment '${ATT2}': Volume attachment could not be found. (HTTP 404)`);
    expect(result.stderr).toContain('1 of 2 attachments failed to delete');
  });

  it.each([
    [['create', VOL, 'myserver'], "the server must be given by its ID (a UUID), not 'myserver'"],
    [['create', '--initiator', 'iqn.x', VOL, SERVER], 'the connector options (--initiator, --ip, --host, …) need --connect'],
    [['create', '--mode', 'rx', VOL, SERVER], "argument 'rx' is invalid"],
    [['list', '--volume', 'a', '--volume-id', VOL], "option '--volume <volume>' cannot be used with option '--volume-id <volume-id>'"],
    [['delete'], "missing required argument 'attachment'"],
  ])('%j is a usage error before any request', async (args, message) => {
    const result = await run(['volume', 'attachment', ...args], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each([
    [['list'], 'volume attachment list', '3.27', '3.26'],
    [['show', ATT], 'volume attachment show', '3.27', '3.26'],
    [['delete', ATT], 'volume attachment delete', '3.27', '3.26'],
    [['complete', ATT], 'volume attachment complete', '3.44', '3.43'],
    [['create', '--mode', 'ro', VOL, SERVER], 'volume attachment create --mode', '3.54', '3.53'],
  ])('%j on an older server fails before any attachment request', async (args, feature, needed, server) => {
    interceptVersions(mock.pool, server);
    const result = await run(['volume', 'attachment', ...args], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ucinder: ${feature} needs Block Storage API microversion ${needed} or later, but this session uses ${server}`);
  });
});
