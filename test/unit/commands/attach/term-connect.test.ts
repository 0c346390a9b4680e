import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests } from '../../helpers/harness.js';
import { NODE7_CONNECTOR } from '../../host/fake-host-facts.js';
import { fakeHost, ISCSI_DATA, ISCSI_DEVICE, RBD_DATA, VOLUME_ID } from './fake-host.js';

describe('term-connect', () => {
  const mock = mockCinderPerTest();
  const cinder = recordedRequests(mock);

  it('legacy: os-terminate_connection with the connector sent at init-connect, then the cache file is removed', async () => {
    const host = fakeHost();
    // The connector of init-connect's day, not what the host would send today.
    const file = await host.seed('iscsi', ISCSI_DATA, { connector: { ...NODE7_CONNECTOR, ip: '192.0.2.99' } });
    interceptVersions(mock.pool);
    cinder.record('POST', `/volumes/${VOLUME_ID}/action`, 202, '');
    const result = await host.run(['term-connect', 'vol1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: "Terminated the connection of volume 'vol1'\n" });
    expect(cinder.calls).toStrictEqual([
      { method: 'POST', path: `/volumes/${VOLUME_ID}/action`, body: { 'os-terminate_connection': { connector: { ...NODE7_CONNECTOR, ip: '192.0.2.99' } } } },
    ]);
    expect(existsSync(file)).toBe(false);
    expect(host.runner.calls).toEqual([]);
  });

  it('still connected here: refused without --force, the file stays', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA, { device: { path: ISCSI_DEVICE, paths: [ISCSI_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: false } });
    const connected = readFileSync(file, 'utf8');
    interceptVersions(mock.pool);
    const result = await host.run(['term-connect', 'vol1'], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `ucinder: volume 'vol1' is still connected on this host at ${ISCSI_DEVICE}; run \`ucinder disconnect vol1\` first (or --force)\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe(connected);
  });

  it('stopped by disconnect --all: refused too, saying it comes back at boot', async () => {
    const host = fakeHost();
    await host.seed('iscsi', ISCSI_DATA, {
      device: { path: ISCSI_DEVICE, paths: [ISCSI_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: false, stopped_at: '2030-01-01T00:00:02.000Z' },
    });
    interceptVersions(mock.pool);
    const result = await host.run(['term-connect', 'vol1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `ucinder: volume 'vol1' is marked to come back at boot (disconnect --all took ${ISCSI_DEVICE} away); run \`ucinder disconnect vol1\` first (or --force)\n`,
    );
  });

  it('--force drops the entry although Cinder refuses, with a warning', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA, { device: { path: ISCSI_DEVICE, paths: [ISCSI_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: false } });
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/${VOLUME_ID}/action`, method: 'POST' })
      .reply(400, { badRequest: { code: 400, message: 'Invalid volume: Volume status must be in-use or available.' } });
    const result = await host.run(['term-connect', 'vol1', '--force'], mock.agent);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr:
        'ucinder: warning: Cinder refused (Invalid volume: Volume status must be in-use or available. (HTTP 400)); dropping the cache entry anyway (--force)\n' +
        "Terminated the connection of volume 'vol1'\n",
    });
    expect(existsSync(file)).toBe(false);
  });

  it('attachments API: deletes the attachment, one already gone (404) included', async () => {
    const host = fakeHost();
    const file = await host.seed('rbd', RBD_DATA, {
      connection: { driver_volume_type: 'rbd', initialized_at: '2030-01-01T00:00:00.000Z', api: 'attachments', attachment_id: 'att-1' },
    });
    interceptVersions(mock.pool);
    cinder.record('DELETE', '/attachments/att-1', 404, { itemNotFound: { code: 404, message: 'Attachment att-1 could not be found.' } });
    const result = await host.run(['term-connect', 'vol1'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: "Terminated the connection of volume 'vol1'\n" });
    expect(cinder.calls).toStrictEqual([{ method: 'DELETE', path: '/attachments/att-1', body: undefined }]);
    expect(existsSync(file)).toBe(false);
  });

  it('a Cinder error without --force keeps the cache entry', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA);
    const initialized = readFileSync(file, 'utf8');
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/${VOLUME_ID}/action`, method: 'POST' })
      .reply(404, { itemNotFound: { code: 404, message: `Volume ${VOLUME_ID} could not be found.` } });
    const result = await host.run(['term-connect', 'vol1'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `ucinder: Volume ${VOLUME_ID} could not be found. (HTTP 404)\n` });
    expect(readFileSync(file, 'utf8')).toBe(initialized);
  });
});
