import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, PROJECT, stubRecording } from '../../helpers/harness.js';
import { hostFacts, NODE7_CONNECTOR, ROUTES } from '../../host/fake-host-facts.js';
import { fakeHost, fileMode, IQN, ISCSI_DATA, ISCSI_DEVICE, RBD_DATA, VOLUME_ID } from './fake-host.js';

/** The cache file init-connect writes for ISCSI_DATA with node7's connector at T0. */
const ISCSI_CACHE_FILE = `; ucinder connection cache for volume "vol1" (${VOLUME_ID})
; Written by ucinder init-connect/connect; contains CHAP/RBD credentials (mode 0600).
; Values that are not plain strings are JSON.
[volume]
id = ${VOLUME_ID}
name = vol1
endpoint = http://cinder.test:8776/v3/${PROJECT}
project = ${PROJECT}

[connector]
platform = x86_64
os_type = linux
ip = 192.0.2.2
host = node7
multipath = false
enforce_multipath = false
do_local_attach = false
initiator = iqn.1993-08.org.debian:01:abc
nqn = nqn.2014-08.org.nvmexpress:uuid:1234
nvme_hostid = 0b5e2c3d-1111-4222-8333-444455556666

[connection]
driver_volume_type = iscsi
initialized_at = 2030-01-02T03:04:05.000Z
api = legacy

[data]
target_discovered = false
target_portal = 192.0.2.10:3260
target_iqn = iqn.2010-10.org.openstack:volume-${VOLUME_ID}
target_lun = 1
volume_id = ${VOLUME_ID}
auth_method = CHAP
auth_username = chapuser
auth_password = "\\"s3cr;et $(reboot) 'x'\\""
encrypted = false
qos_specs = null
access_mode = rw
`;

describe('init-connect', () => {
  const mock = mockCinderPerTest();

  /** `vol1` is a name, not an ID: the ID lookup fails, the name lookup finds it. */
  function volumeByName(status = 'available') {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/vol1`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'Volume vol1 could not be found.' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=vol1`, method: 'GET' }).reply(200, { volumes: [{ id: VOLUME_ID, name: 'vol1', status, size: 1 }] });
  }

  /** os-initialize_connection answering `info`; the request bodies go to `sent`. */
  function initializeConnection(sent: unknown[], info: object = { driver_volume_type: 'iscsi', data: ISCSI_DATA }, status = 200) {
    stubRecording(mock.pool, 'POST', `/volumes/${VOLUME_ID}/action`, (body) => sent.push(body), status, status === 200 ? { connection_info: info } : info);
  }

  it("sends node7's connector, shows the connection info with CHAP masked and caches it in a 0600 INI file", async () => {
    const host = fakeHost();
    const sent: unknown[] = [];
    interceptVersions(mock.pool);
    volumeByName();
    initializeConnection(sent);
    const result = await host.run(['init-connect', 'vol1', '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(sent).toStrictEqual([{ 'os-initialize_connection': { connector: NODE7_CONNECTOR } }]);
    expect(JSON.parse(result.stdout)).toStrictEqual({ driver_volume_type: 'iscsi', data: { ...ISCSI_DATA, auth_password: '***' } });
    expect(readFileSync(host.cacheFile(), 'utf8')).toBe(ISCSI_CACHE_FILE);
    expect(fileMode(host.cacheFile())).toBe(0o600);
    expect(fileMode(dirname(host.cacheFile()))).toBe(0o700);
    expect(host.runner.calls).toEqual([]);
  });

  it('a table shows the connection data as fields, one row per key, CHAP masked (not one Python dict)', async () => {
    const host = fakeHost();
    interceptVersions(mock.pool);
    volumeByName();
    initializeConnection([]);
    const result = await host.run(['init-connect', 'vol1'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .map((line) =>
        line
          .split('|')
          .map((cell) => cell.trim())
          .slice(1, 3),
      );
    expect(rows).toStrictEqual([
      ['Field', 'Value'],
      ['data.target_discovered', 'False'],
      ['data.target_portal', '192.0.2.10:3260'],
      ['data.target_iqn', IQN],
      ['data.target_lun', '1'],
      ['data.volume_id', VOLUME_ID],
      ['data.auth_method', 'CHAP'],
      ['data.auth_username', 'chapuser'],
      ['data.auth_password', '***'],
      ['data.encrypted', 'False'],
      ['data.qos_specs', 'None'],
      ['data.access_mode', 'rw'],
      ['driver_volume_type', 'iscsi'],
    ]);
  });

  it('--show-secrets shows the password; connector flags beat the host facts', async () => {
    const host = fakeHost();
    const sent: unknown[] = [];
    interceptVersions(mock.pool);
    volumeByName();
    initializeConnection(sent);
    const result = await host.run(
      ['init-connect', '-n', 'vol1', '--show-secrets', '--multipath', '--ip', '198.51.100.7', '--host', 'node7.example', '--initiator', 'iqn.2024-01.example:node7', '-f', 'json'],
      mock.agent,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).data.auth_password).toBe(ISCSI_DATA.auth_password);
    expect(sent).toStrictEqual([
      {
        'os-initialize_connection': {
          connector: { ...NODE7_CONNECTOR, ip: '198.51.100.7', host: 'node7.example', initiator: 'iqn.2024-01.example:node7', multipath: true },
        },
      },
    ]);
  });

  it('--attachments-api creates an attachment (rw) and records its id', async () => {
    const host = fakeHost();
    const sent: unknown[] = [];
    interceptVersions(mock.pool);
    volumeByName();
    const attachment = { id: 'att-1', volume_id: VOLUME_ID, status: 'reserved', connection_info: { driver_volume_type: 'rbd', ...RBD_DATA } };
    stubRecording(mock.pool, 'POST', '/attachments', (body) => sent.push(body), 200, { attachment });
    const result = await host.run(['init-connect', 'vol1', '--attachments-api', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(sent).toStrictEqual([{ attachment: { volume_uuid: VOLUME_ID, connector: NODE7_CONNECTOR, mode: 'rw' } }]);
    expect(JSON.parse(result.stdout)).toStrictEqual({ driver_volume_type: 'rbd', data: RBD_DATA });
    expect(readFileSync(host.cacheFile(), 'utf8')).toContain(
      '[connection]\ndriver_volume_type = rbd\ninitialized_at = 2030-01-02T03:04:05.000Z\napi = attachments\nattachment_id = att-1\n',
    );
  });

  it("refuses a volume in error with Cinder's reason; nothing is exported or cached", async () => {
    const host = fakeHost();
    interceptVersions(mock.pool);
    volumeByName('error');
    mock.pool
      .intercept({ path: `${BASE_PATH}/messages?resource_uuid=${VOLUME_ID}&sort=created_at%3Adesc`, method: 'GET' })
      .reply(200, { messages: [{ id: 'm1', resource_uuid: VOLUME_ID, user_message: 'schedule allocate volume:Could not find any available weighted backend.' }] });
    const result = await host.run(['init-connect', 'vol1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: volume 'vol1' is in status 'error' (schedule allocate volume:Could not find any available weighted backend.); it cannot be connected\n");
    expect(existsSync(host.cacheFile())).toBe(false);
  });

  it('a state directory it cannot write fails before Cinder is asked anything', async () => {
    const host = fakeHost();
    const dir = join(host.stateDir, 'connections');
    writeFileSync(dir, 'a file where the directory should be');
    const result = await host.run(['init-connect', 'vol1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^ucinder: cannot write the connection cache in ${dir} \\(EEXIST: .*\\); choose a writable directory with --state-dir or UCINDER_STATE_DIR\\n$`),
    );
  });

  it('a 400 about the connector from a host without an initiator says how to get one', async () => {
    const host = fakeHost({ facts: hostFacts({ '/proc/net/route': ROUTES }) });
    const sent: unknown[] = [];
    interceptVersions(mock.pool);
    volumeByName();
    initializeConnection(sent, { badRequest: { code: 400, message: "Invalid input received: Connector doesn't have required information: initiator." } }, 400);
    const result = await host.run(['init-connect', 'vol1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "ucinder: Invalid input received: Connector doesn't have required information: initiator. (HTTP 400); no iSCSI initiator name was sent (none found in /etc/iscsi/initiatorname.iscsi): install open-iscsi or pass --initiator IQN\n",
    );
    expect(sent).toStrictEqual([
      {
        'os-initialize_connection': {
          connector: { platform: 'x86_64', os_type: 'linux', ip: '192.0.2.2', host: 'node7', multipath: false, enforce_multipath: false, do_local_attach: false },
        },
      },
    ]);
    expect(existsSync(host.cacheFile())).toBe(false);
  });

  it('again on a volume connected here: keeps the device record and says so', async () => {
    const host = fakeHost();
    const device = { path: ISCSI_DEVICE, paths: [ISCSI_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: false };
    await host.seed('iscsi', ISCSI_DATA, { device });
    interceptVersions(mock.pool);
    volumeByName();
    initializeConnection([]);
    const result = await host.run(['init-connect', 'vol1', '-f', 'value', '-c', 'driver_volume_type'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('iscsi\n');
    expect(result.stderr).toBe(`ucinder: warning: volume 'vol1' is connected on this host at ${ISCSI_DEVICE}; keeping that record\n`);
    expect(readFileSync(host.cacheFile(), 'utf8')).toBe(
      `${ISCSI_CACHE_FILE}\n[device]\npath = ${ISCSI_DEVICE}\npaths[] = ${ISCSI_DEVICE}\nconnected_at = 2030-01-01T00:00:01.000Z\nattached = false\n`,
    );
  });
});
