import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Confirmer } from '../../../../src/output/confirm.js';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, type MockPool } from '../../helpers/harness.js';
import { NODE7_CONNECTOR } from '../../host/fake-host-facts.js';
import { fakeHost, IDENTITY, ISCSI_DATA, NVMEOF_DATA, RBD_DATA, type FakeHost } from '../attach/fake-host.js';

/**
 * connection check: the cache, the host (the recording runner answers
 * iscsiadm -m session and rbd showmapped; the fake probe is /dev and /sys)
 * and Cinder (MockAgent) compared, and --fix / --yes.
 */

const id = (n: number) => `${String(n).repeat(8)}-0000-4000-8000-${String(n).repeat(12)}`.slice(0, 36);
const iqn = (volumeId: string) => `iqn.2010-10.org.openstack:volume-${volumeId}`;
const byPath = (portal: string, volumeId: string) => `/dev/disk/by-path/ip-${portal}-iscsi-${iqn(volumeId)}-lun-1`;
const P1 = '192.0.2.10:3260';
const P2 = '192.0.2.11:3260';
const CONNECTED_AT = '2030-01-01T00:00:01.000Z';
const device = (path: string, paths = [path]) => ({ device: { path, paths, connected_at: CONNECTED_AT, attached: false } });
const iscsiData = (volumeId: string) => ({ ...ISCSI_DATA, target_iqn: iqn(volumeId), volume_id: volumeId });

function volumeBody(volumeId: string, name: string, extra: Record<string, unknown> = {}) {
  return { volume: { id: volumeId, name, status: 'available', size: 1, attachments: [], 'os-vol-host-attr:host': 'node1@lvm#lvm', ...extra } };
}

function stubVolume(pool: MockPool, volumeId: string, reply: object | 404) {
  const path = `${BASE_PATH}/volumes/${volumeId}`;
  if (reply === 404) pool.intercept({ path, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: `Volume ${volumeId} could not be found.` } });
  else pool.intercept({ path, method: 'GET' }).reply(200, reply);
}

function stubInUse(pool: MockPool, volumes: object[] = []) {
  pool.intercept({ path: `${BASE_PATH}/volumes/detail?status=in-use`, method: 'GET' }).reply(200, { volumes });
}

function sessions(lines: [string, string][]) {
  return { when: /^iscsiadm -m session$/, stdout: lines.map(([portal, target], index) => `tcp: [${index + 1}] ${portal},1 ${target} (non-flash)\n`).join('') };
}
const NO_SESSIONS = { when: /^iscsiadm -m session$/, exitCode: 21 };
const NOTHING_MAPPED = { when: /^rbd showmapped/, stdout: '[]' };

async function check(host: FakeHost, mock: { agent: Parameters<FakeHost['run']>[1] }, args: string[] = [], confirm?: Confirmer) {
  const result = await host.run(['connection', 'check', '-f', 'json', ...args], mock.agent, {}, confirm);
  return { ...result, rows: result.stdout ? (JSON.parse(result.stdout) as Record<string, string>[]) : [] };
}

describe('connection check', () => {
  const mock = mockCinderPerTest();
  const cinder = recordedRequests(mock);

  it('finds every kind of disagreement, one row each with the command that fixes it; changes nothing', async () => {
    const [A, B, C, D, E, X, Y, Z, N, U] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0].map(id) as [string, string, string, string, string, string, string, string, string, string];
    const V = 'aaaaaaaa-0000-4000-8000-aaaaaaaaaaaa';
    const host = fakeHost({
      answers: [
        sessions([
          [P1, iqn(D)],
          [P1, iqn(X)],
          [P1, iqn(Y)],
          [P1, iqn(N)],
          [P1, 'iqn.2001-05.com.vendor:array-7'],
        ]),
        NOTHING_MAPPED,
      ],
    });
    const volume = (volumeId: string, name: string) => ({ volume: { id: volumeId, name, ...IDENTITY } });
    // a: connected, its device gone (reboot).
    await host.seed('iscsi', iscsiData(A), { ...volume(A, 'vol-a'), ...device(byPath(P1, A)) });
    // b: only initialized, deleted in Cinder since.
    await host.seed('rbd', { ...RBD_DATA, name: `volumes/volume-${B}` }, volume(B, 'vol-b'));
    // c: connected and there, but Cinder moved it to another backend.
    await host.seed('nvmeof', { ...NVMEOF_DATA, vol_uuid: C }, { volume: { id: C, name: 'vol-c', backend: 'node1@lvm#lvm', ...IDENTITY }, ...device('/dev/nvme0n1') });
    // d: multipath, one of its two paths there.
    await host.seed(
      'iscsi',
      { ...iscsiData(D), target_portals: [P1, P2], target_iqns: [iqn(D), iqn(D)], target_luns: [1, 1] },
      {
        ...volume(D, 'vol-d'),
        connector: { ...NODE7_CONNECTOR, multipath: true },
        ...device(byPath(P1, D), [byPath(P1, D), byPath(P2, D)]),
      },
    );
    // e: only initialized, but mapped here.
    await host.seed('rbd', { ...RBD_DATA, name: `volumes/volume-${E}` }, volume(E, 'vol-e'));
    // f: another cloud's: checked on the host only.
    await host.seed(
      'rbd',
      { ...RBD_DATA, name: 'volumes/volume-f' },
      { volume: { id: 'f6', name: 'vol-f', endpoint: 'http://other:8776/v3/p', project: 'p' }, ...device('/dev/rbd/volumes/volume-f') },
    );
    const damaged = join(host.stateDir, 'connections', 'vol-g.0000000000.ini');
    writeFileSync(damaged, '[volume]\nname = vol-g\n');
    host.probe.link(byPath(P1, D), '/dev/sdd').link(byPath(P1, X), '/dev/sdx').link(byPath(P1, Y), '/dev/sdy').link(byPath(P1, N), '/dev/sdn');
    host.probe.present.add('/dev/nvme0n1').add(`/dev/rbd/volumes/volume-${E}`).add('/dev/rbd/volumes/volume-f');
    host.probe.namespaces.set(NVMEOF_DATA.target_nqn, '/dev/nvme0n1');
    // A namespace uuid that is no Cinder volume: not Cinder's, not reported.
    host.probe.subsystems.push({ nqn: 'nqn.2014-08.org.example:array', namespaces: [{ device: '/dev/nvme5n1', nsId: 1, uuid: Z }] });

    interceptVersions(mock.pool);
    stubVolume(mock.pool, A, volumeBody(A, 'vol-a'));
    stubVolume(mock.pool, B, 404);
    stubVolume(mock.pool, C, volumeBody(C, 'vol-c', { 'os-vol-host-attr:host': 'node2@lvm#lvm' }));
    stubVolume(mock.pool, D, volumeBody(D, 'vol-d'));
    stubVolume(mock.pool, E, volumeBody(E, 'vol-e'));
    stubVolume(mock.pool, X, volumeBody(X, 'stray'));
    stubVolume(mock.pool, Y, 404);
    stubVolume(mock.pool, Z, 404);
    // Nova's: attached to an instance on this host, never ucinder's business.
    const novaAttachment = { attachment_id: 'att-n', server_id: 'inst-1', host_name: 'node7', device: '/dev/vdb' };
    stubVolume(mock.pool, N, volumeBody(N, 'nova-disk', { status: 'in-use', attachments: [novaAttachment] }));
    stubInUse(mock.pool, [
      { id: U, name: 'vol-u', status: 'in-use', size: 1, attachments: [{ attachment_id: 'att-u', server_id: null, host_name: 'node7', device: '/dev/sdu' }] },
      { id: V, name: 'vol-v', status: 'in-use', size: 1, attachments: [{ attachment_id: 'att-v', server_id: null, host_name: 'node9', device: '/dev/sdv' }] },
      { id: N, name: 'nova-disk', status: 'in-use', size: 1, attachments: [novaAttachment] },
    ]);
    const before = readFileSync(host.cacheFile('vol-a'), 'utf8');

    const result = await check(host, mock);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "ucinder: warning: cache entries of http://other:8776/v3/p project p are checked on the host only: Cinder's view needs that cloud's credentials\n9 findings\n",
    );
    expect(result.rows.map((row) => [row.Check, row.Volume, row.Name, row.Device, row.Fix, row.Repair, row.Result])).toEqual([
      ['device-missing', A, 'vol-a', byPath(P1, A), 'ucinder connect vol-a', 'safe', ''],
      ['volume-deleted', B, 'vol-b', '', 'ucinder term-connect vol-b --force', 'safe', ''],
      ['exported-elsewhere', C, 'vol-c', '/dev/nvme0n1', 'ucinder disconnect vol-c && ucinder term-connect vol-c', 'needs --yes', ''],
      ['paths-missing', D, 'vol-d', byPath(P1, D), 'ucinder connect vol-d', 'safe', ''],
      ['device-not-recorded', E, 'vol-e', `/dev/rbd/volumes/volume-${E}`, 'ucinder connect vol-e', 'safe', ''],
      ['cache-damaged', '', 'vol-g.0000000000.ini', '', `rm ${damaged}  (then init-connect the volume again)`, 'manual', ''],
      ['not-cached', X, 'stray', byPath(P1, X), `ucinder init-connect ${X}  (rebuilds the entry from Cinder); or ucinder disconnect --device ${byPath(P1, X)}`, 'safe', ''],
      ['not-cached', Y, '', byPath(P1, Y), `ucinder disconnect --device ${byPath(P1, Y)}`, 'needs --yes', ''],
      ['in-use-not-attached', U, 'vol-u', '/dev/sdu', 'ucinder volume attachment delete att-u', 'needs --yes', ''],
    ]);
    expect(result.rows.map((row) => row.Problem)).toEqual([
      'cached as connected, but its device is gone (a reboot?)',
      'deleted in Cinder; the cache entry is left over',
      'Cinder now exports it from node2@lvm#lvm, not node1@lvm#lvm as cached: the cached connection is stale, and still attached here',
      "1 of 2 paths are there (multipath); the others' sessions are down",
      'attached here, but the cache says only initialized',
      `connection cache file ${damaged} is damaged (no volume id); delete it and run init-connect again`,
      'attached here, but no cache entry records it',
      'attached here, but no cache entry records it and Cinder has no such volume',
      'Cinder has it in-use on node7 (attachment att-u), but nothing of it is attached to this host',
    ]);
    expect(Object.keys(result.rows[0]!)).toEqual(['Check', 'Volume', 'Name', 'Protocol', 'Target', 'Device', 'Problem', 'Fix', 'Repair', 'Result']);
    // Only reads: the two listings, nothing run, no file touched.
    expect(host.runner.shown()).toEqual(['iscsiadm -m session', 'rbd showmapped --format json']);
    expect(readFileSync(host.cacheFile('vol-a'), 'utf8')).toBe(before);
  });

  it('--check: exit 1 when anything is found, 0 when the three views agree', async () => {
    const host = fakeHost({ answers: [NO_SESSIONS, NOTHING_MAPPED] });
    const A = id(1);
    await host.seed('rbd', { ...RBD_DATA, name: `volumes/volume-${A}` }, { volume: { id: A, name: 'vol-a', ...IDENTITY }, ...device(`/dev/rbd/volumes/volume-${A}`) });
    interceptVersions(mock.pool);
    stubVolume(mock.pool, A, volumeBody(A, 'vol-a'));
    stubInUse(mock.pool);
    const found = await check(host, mock, ['--check']);
    expect(found.code).toBe(1);
    expect(found.stderr).toBe('ucinder: 1 finding\n');
    expect(found.rows.map((row) => row.Check)).toEqual(['device-missing']);

    mock.renew();
    host.probe.present.add(`/dev/rbd/volumes/volume-${A}`);
    interceptVersions(mock.pool);
    stubVolume(mock.pool, A, volumeBody(A, 'vol-a'));
    stubInUse(mock.pool);
    const clean = await check(host, mock, ['--check']);
    expect(clean).toEqual({ code: 0, stdout: '[]\n', stderr: 'OK: the cache, this host and Cinder agree (1 cached connection, 0 Cinder volumes attached here)\n', rows: [] });
  });

  it('bad input is refused before any request (exit 2)', async () => {
    const host = fakeHost();
    for (const [argv, message] of [
      [['--yes'], '--yes only goes with --fix'],
      [['--host', ''], '--host needs a host name'],
      [['-c', 'Severity'], "unknown column 'Severity': choose from 'Check', 'Volume', 'Name', 'Protocol', 'Target', 'Device', 'Problem', 'Fix', 'Repair', 'Result'"],
    ] as const) {
      const result = await host.run(['connection', 'check', ...argv], mock.agent);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toContain(message);
    }
    expect(host.runner.calls).toEqual([]);
  });

  it("--fix: re-login, rebuild a lost entry from Cinder (same export, with the device the host shows), drop a deleted volume's entry; the rest needs --yes", async () => {
    const [A, B, X, Y] = [id(1), id(2), id(6), id(7)];
    const host = fakeHost({
      answers: [
        sessions([
          [P1, iqn(X)],
          [P1, iqn(Y)],
        ]),
        NOTHING_MAPPED,
      ],
    });
    await host.seed('iscsi', iscsiData(A), { volume: { id: A, name: 'vol-a', ...IDENTITY }, ...device(byPath(P1, A)) });
    await host.seed('rbd', { ...RBD_DATA, name: `volumes/volume-${B}` }, { volume: { id: B, name: 'vol-b', ...IDENTITY } });
    // Missing when checked and when connect looks first; there after the login.
    host.probe.appearsAfter(byPath(P1, A), 2);
    host.probe.link(byPath(P1, X), '/dev/sdx').link(byPath(P1, Y), '/dev/sdy');
    interceptVersions(mock.pool);
    stubVolume(mock.pool, A, volumeBody(A, 'vol-a'));
    stubVolume(mock.pool, B, 404);
    stubVolume(mock.pool, X, volumeBody(X, 'stray', { status: 'in-use', attachments: [{ attachment_id: 'att-x', server_id: null, host_name: 'node7', device: byPath(P1, X) }] }));
    stubVolume(mock.pool, Y, 404);
    stubInUse(mock.pool);
    cinder.record('POST', `/volumes/${X}/action`, 200, { connection_info: { driver_volume_type: 'iscsi', data: iscsiData(X) } });

    const result = await check(host, mock, ['--fix', '--check']);
    expect(result.rows.map((row) => [row.Check, row.Result])).toEqual([
      ['device-missing', `fixed: connected at ${byPath(P1, A)}`],
      ['volume-deleted', 'fixed: cache entry dropped'],
      ['not-cached', `fixed: cache entry rebuilt from Cinder (${host.cacheFile('stray')})`],
      ['not-cached', 'not fixed: could lose data, needs --yes'],
    ]);
    // Something was left: --check fails.
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: 4 findings: 3 fixed, 1 not fixed\n');
    expect(host.runner.shown().filter((line) => line.includes('--login'))).toEqual([`iscsiadm -m node -T ${iqn(A)} -p ${P1} --login`]);
    expect(host.runner.shown().some((line) => line.includes('--logout'))).toBe(false);
    expect(existsSync(host.cacheFile('vol-b'))).toBe(false);
    // The rebuilt entry: what os-initialize_connection returned for this host's connector, and the session's device.
    expect(cinder.calls).toEqual([{ method: 'POST', path: `/volumes/${X}/action`, body: { 'os-initialize_connection': { connector: NODE7_CONNECTOR } } }]);
    const rebuilt = readFileSync(host.cacheFile('stray'), 'utf8');
    expect(rebuilt).toContain(`target_iqn = ${iqn(X)}`);
    expect(rebuilt).toContain(`[device]\npath = ${byPath(P1, X)}\npaths[] = ${byPath(P1, X)}\nconnected_at = 2030-01-02T03:04:05.000Z\nattached = true\nattachment_id = att-x\n`);
  });

  it("--fix refuses to rebuild an entry when Cinder now exports another target than the session's", async () => {
    const X = id(6);
    const host = fakeHost({ answers: [sessions([[P1, iqn(X)]]), NOTHING_MAPPED] });
    host.probe.link(byPath(P1, X), '/dev/sdx');
    interceptVersions(mock.pool);
    stubVolume(mock.pool, X, volumeBody(X, 'stray'));
    stubInUse(mock.pool);
    cinder.record('POST', `/volumes/${X}/action`, 200, { connection_info: { driver_volume_type: 'rbd', data: { ...RBD_DATA, name: `volumes/volume-${X}` } } });
    const result = await check(host, mock, ['--fix']);
    expect(result.code).toBe(1);
    expect(result.rows[0]!.Result).toBe(
      `failed: Cinder now exports it as volumes/volume-${X}, but the host is attached to ${iqn(X)}: an older export; take it off with ucinder disconnect --device ${byPath(P1, X)}`,
    );
    expect(result.stderr).toBe('ucinder: 1 finding: 1 failed\n');
    expect(existsSync(host.cacheFile('stray'))).toBe(false);
  });

  it('--fix --yes also does what could lose data: logs out, terminates, detaches in Cinder; without --yes a terminal is asked', async () => {
    const [C, Y, U] = [id(3), id(7), id(0)];
    const host = fakeHost({ answers: [sessions([[P1, iqn(Y)]]), NOTHING_MAPPED] });
    await host.seed('iscsi', iscsiData(C), { volume: { id: C, name: 'vol-c', ...IDENTITY }, ...device(byPath(P1, C)) });
    host.probe.present.add(byPath(P1, C));
    host.probe.link(byPath(P1, Y), '/dev/sdy');
    const stub = () => {
      interceptVersions(mock.pool);
      stubVolume(mock.pool, C, volumeBody(C, 'vol-c', { status: 'in-use', attachments: [{ attachment_id: 'att-c', server_id: 'inst-9', host_name: 'compute9' }] }));
      stubVolume(mock.pool, Y, 404);
      stubInUse(mock.pool, [
        { id: U, name: 'vol-u', status: 'in-use', size: 1, attachments: [{ attachment_id: 'att-u', server_id: null, host_name: 'node7', device: '/dev/sdu' }] },
      ]);
    };
    // At a terminal, without --yes: asked for each; "no" leaves it.
    stub();
    const questions: string[] = [];
    const no: Confirmer = { interactive: true, ask: async (question) => (questions.push(question), false) };
    const declined = await check(host, mock, ['--fix'], no);
    expect(declined.rows.map((row) => row.Result)).toEqual(Array(3).fill('not fixed: could lose data, needs --yes'));
    expect(questions[0]).toBe(
      'vol-c: Cinder has it attached to compute9: the cached connection is stale, and still attached here. Run the fix (ucinder disconnect vol-c && ucinder term-connect vol-c)?',
    );
    expect(host.runner.shown()).toEqual(['iscsiadm -m session', 'rbd showmapped --format json']);

    mock.renew();
    stub();
    cinder.record('POST', `/volumes/${C}/action`, 202, '');
    cinder.record('DELETE', '/attachments/att-u', 200, {});
    const unasked: string[] = [];
    const forced = await check(host, mock, ['--fix', '--yes', '--check'], { interactive: true, ask: async (question) => (unasked.push(question), false) });
    expect(unasked).toEqual([]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.rows.map((row) => [row.Check, row.Result])).toEqual([
      ['exported-elsewhere', 'fixed: disconnected from this host, connection terminated in Cinder, cache entry dropped'],
      ['not-cached', 'fixed: disconnected from this host'],
      ['in-use-not-attached', 'fixed: detached in Cinder (attachment att-u)'],
    ]);
    expect(host.runner.shown().filter((line) => line.endsWith('--logout'))).toEqual([
      `iscsiadm -m node -T ${iqn(C)} -p ${P1} --logout`,
      `iscsiadm -m node -T ${iqn(Y)} -p ${P1} --logout`,
    ]);
    expect(cinder.calls.map((call) => [call.method, call.path, call.body])).toEqual([
      ['POST', `/volumes/${C}/action`, { 'os-terminate_connection': { connector: NODE7_CONNECTOR } }],
      ['DELETE', '/attachments/att-u', undefined],
    ]);
    expect(existsSync(host.cacheFile('vol-c'))).toBe(false);
  });

  it('--fix at a terminal: a yes to the question does the repair', async () => {
    const U = id(0);
    const host = fakeHost({ answers: [NO_SESSIONS, NOTHING_MAPPED] });
    interceptVersions(mock.pool);
    stubInUse(mock.pool, [{ id: U, name: 'vol-u', status: 'in-use', size: 1, attachments: [{ attachment_id: 'att-u', server_id: null, host_name: 'node7', device: '/dev/sdu' }] }]);
    cinder.record('DELETE', '/attachments/att-u', 200, {});
    const questions: string[] = [];
    const yes: Confirmer = { interactive: true, ask: async (question) => (questions.push(question), true) };
    const result = await check(host, mock, ['--fix', '--check'], yes);
    expect(result.code, result.stderr).toBe(0);
    expect(questions).toEqual([
      'vol-u: Cinder has it in-use on node7 (attachment att-u), but nothing of it is attached to this host. Run the fix (ucinder volume attachment delete att-u)?',
    ]);
    expect(result.rows.map((row) => row.Result)).toEqual(['fixed: detached in Cinder (attachment att-u)']);
    expect(cinder.calls.map((call) => call.path)).toEqual(['/attachments/att-u']);
  });
});
