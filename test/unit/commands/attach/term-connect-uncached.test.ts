import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests } from '../../helpers/harness.js';
import { NODE7_CONNECTOR } from '../../host/fake-host-facts.js';
import { fakeHost, VOLUME_ID } from './fake-host.js';

/** term-connect --force with no cache entry: the export is ended from what Cinder knows, with this host's connector. */
describe('term-connect --force without a cache entry', () => {
  const mock = mockCinderPerTest();
  const cinder = recordedRequests(mock);

  function volume(attachments: object[] = []) {
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/${VOLUME_ID}`, method: 'GET' })
      .reply(200, { volume: { id: VOLUME_ID, name: 'vol1', status: 'in-use', size: 1, attachments } });
  }

  function attachments(list: object[]) {
    mock.pool.intercept({ path: `${BASE_PATH}/attachments/detail?volume_id=${VOLUME_ID}`, method: 'GET' }).reply(200, { attachments: list });
  }

  const attachment = (id: string, instance: string | null) => ({ id, volume_id: VOLUME_ID, instance, status: 'attached' });

  it("attachments API: deletes this host's attachment (the volume names each one's host), not another host's or a server's", async () => {
    const host = fakeHost();
    interceptVersions(mock.pool);
    volume([
      { attachment_id: 'att-other', host_name: 'node9', server_id: null },
      { attachment_id: 'att-mine', host_name: NODE7_CONNECTOR.host, server_id: null },
    ]);
    attachments([attachment('att-other', null), attachment('att-nova', 'server-1'), attachment('att-mine', null)]);
    cinder.record('DELETE', '/attachments/att-mine', 200, '');
    const result = await host.run(['term-connect', VOLUME_ID, '--force'], mock.agent);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: "Terminated the connection of volume 'vol1': nothing was cached, so deleted this host's attachment att-mine\n",
    });
    expect(cinder.calls).toStrictEqual([{ method: 'DELETE', path: '/attachments/att-mine', body: undefined }]);
  });

  it('attachments API: a lone attachment without a server that no host claims (init-connect never completed) is the one', async () => {
    const host = fakeHost();
    interceptVersions(mock.pool);
    volume();
    attachments([attachment('att-1', null)]);
    cinder.record('DELETE', '/attachments/att-1', 200, '');
    expect((await host.run(['term-connect', VOLUME_ID, '--force'], mock.agent)).code).toBe(0);
    expect(cinder.calls).toStrictEqual([{ method: 'DELETE', path: '/attachments/att-1', body: undefined }]);
  });

  it('attachments API: several unclaimed ones are listed, not guessed (exit 1)', async () => {
    const host = fakeHost();
    interceptVersions(mock.pool);
    volume();
    attachments([attachment('att-1', null), attachment('att-2', null)]);
    const result = await host.run(['term-connect', VOLUME_ID, '--force'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "ucinder: volume 'vol1' has 2 attachments without a server (att-1, att-2) and none is known to be this host's: delete the right one with `ucinder volume attachment delete ID`\n",
    );
  });

  it("no attachment (or no attachments API): os-terminate_connection with this host's connector", async () => {
    const host = fakeHost();
    interceptVersions(mock.pool, '3.26');
    volume();
    cinder.record('POST', `/volumes/${VOLUME_ID}/action`, 202, '');
    const result = await host.run(['term-connect', VOLUME_ID, '--force'], mock.agent);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: "Terminated the connection of volume 'vol1': nothing was cached, so sent os-terminate_connection with this host's connector (node7)\n",
    });
    expect(cinder.calls).toStrictEqual([{ method: 'POST', path: `/volumes/${VOLUME_ID}/action`, body: { 'os-terminate_connection': { connector: NODE7_CONNECTOR } } }]);
  });

  it('without --force it still asks for init-connect first', async () => {
    const host = fakeHost();
    interceptVersions(mock.pool);
    const result = await host.run(['term-connect', VOLUME_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `ucinder: no connection info cached for volume '${VOLUME_ID}'; run \`ucinder init-connect ${VOLUME_ID}\` first\n` });
  });
});
