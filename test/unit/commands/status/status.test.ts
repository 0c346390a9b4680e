import { describe, expect, it } from 'vitest';
import { transportFor } from '../../../../src/http/transport.js';
import { main } from '../../../../src/main.js';
import { bufferIOStreams } from '../../../../src/output/iostreams.js';
import { BASE_PATH, ENDPOINT_ROOT, interceptVersions, mockCinderPerTest, PROJECT, run } from '../../helpers/harness.js';
import { serveCloud } from './fake-cloud.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
/** Cinder's timestamps: UTC, no zone. */
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString().replace('Z', '000');

const UP = (host: string, binary = 'cinder-volume') => ({
  binary,
  host,
  zone: 'nova',
  status: 'enabled',
  state: 'up',
  updated_at: minutesAgo(0),
  cluster: null,
  frozen: false,
  replication_status: 'disabled',
  active_backend_id: null,
});
const VOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const VOL2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const ATT = 'bbbbbbbb-0000-4000-8000-000000000001';
const SERVER = 'cccccccc-0000-4000-8000-000000000001';

type Row = Record<string, string | null>;

/** A recorded path and query as the path and its parameters (each named once), whatever their order. */
function asRequest(pathAndQuery: string): { path: string; query: Record<string, string> } {
  const url = new URL(pathAndQuery, 'http://cinder.test');
  const names = [...url.searchParams.keys()];
  expect(new Set(names).size, `a parameter sent twice in ${pathAndQuery}`).toBe(names.length);
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
}

describe('status', () => {
  const mock = mockCinderPerTest();

  async function status(args: string[] = []) {
    const result = await run(['status', '-f', 'json', ...args], mock.agent, { now: () => NOW });
    return { ...result, rows: result.stdout ? (JSON.parse(result.stdout) as Row[]) : [] };
  }

  it('a clean cloud: [] on stdout, HEALTH_OK on stderr, and --check exits 0', async () => {
    serveCloud(mock.pool, {
      services: [UP('node1@lvm'), UP('node1', 'cinder-scheduler')],
      pools: [{ name: 'node1@lvm#lvm', capabilities: { total_capacity_gb: 100, free_capacity_gb: 50 } }],
    });
    const result = await status(['--check']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.rows).toEqual([]);
    expect(result.stderr).toBe('HEALTH_OK: no problems (stuck after 10m, pools above 90%, this project)\n');
  });

  it('reads with filtered listings only, one per status, concurrently: never one request per volume', async () => {
    const stuck = Array.from({ length: 50 }, (_, i) => ({
      id: `dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `v${i}`,
      status: 'creating',
      updated_at: minutesAgo(30),
    }));
    const seen = serveCloud(mock.pool, { services: [UP('node1@lvm')], volumes: { creating: stuck } });
    const result = await status(['--all-projects', '--debug']);
    expect(result.rows).toHaveLength(50);
    // 12 transitional + 5 error volume statuses, 5 + 2 snapshot, 3 + 1 backup, 5 attachment, services, pools, clusters.
    expect(seen).toHaveLength(36);
    // The query is a set of parameters: their order in the URL means nothing to Cinder.
    const requests = seen.map(asRequest);
    expect(requests).toContainEqual({ path: '/volumes/detail', query: { status: 'creating', all_tenants: '1', created_at: 'lt:2026-03-01T11:50:00Z' } });
    expect(requests).toContainEqual({ path: '/volumes/detail', query: { status: 'error', all_tenants: '1' } });
    expect(requests).toContainEqual({ path: '/attachments/detail', query: { all_tenants: '1', attach_status: 'reserved' } });
    expect(requests).toContainEqual({ path: '/backups/detail', query: { status: 'creating', all_tenants: '1' } });
    expect(result.stderr).toMatch(/^DEBUG: status: 36 requests in \d+ ms$/m);
  });

  it('names each problem with the command that fixes it, errors first; --check exits 1 after printing them', async () => {
    serveCloud(mock.pool, {
      services: [
        { ...UP('node2@lvm'), state: 'down', updated_at: minutesAgo(15) },
        { ...UP('node3@lvm'), status: 'disabled', disabled_reason: 'disk swap' },
        { ...UP('node4@lvm'), frozen: true, replication_status: 'failed-over', active_backend_id: 'secondary' },
        { ...UP('node5@lvm'), backend_state: 'down' },
      ],
      clusters: [{ name: 'c1@lvm', binary: 'cinder-volume', state: 'up', status: 'enabled', num_hosts: 2, num_down_hosts: 1, last_heartbeat: minutesAgo(0) }],
      pools: [
        { name: 'node1@lvm#lvm', capabilities: { total_capacity_gb: 100, free_capacity_gb: 5 } },
        { name: 'node1@lvm#thin', capabilities: { total_capacity_gb: 'infinite', free_capacity_gb: 'infinite' } },
      ],
      volumes: {
        creating: [{ id: VOL, name: 'dead-create', status: 'creating', updated_at: minutesAgo(12), 'os-vol-host-attr:host': 'node2@lvm#lvm' }],
        // Younger than --stuck-after: still on its way, not stuck.
        deleting: [{ id: VOL2, name: 'busy', status: 'deleting', updated_at: minutesAgo(1) }],
        error: [{ id: VOL2, name: 'failed', status: 'error', updated_at: minutesAgo(100) }],
      },
      snapshots: { creating: [{ id: 'snap-1', name: 's1', status: 'creating', volume_id: VOL, updated_at: null, created_at: minutesAgo(60) }] },
      attachments: { error_attaching: [{ id: ATT, volume_id: VOL, instance: SERVER, status: 'error_attaching' }] },
      messages: [
        { id: 'm2', resource_uuid: VOL2, user_message: 'schedule allocate volume:Could not find any available weighted backend.', created_at: minutesAgo(100) },
        { id: 'm1', resource_uuid: VOL2, user_message: 'an older message', created_at: minutesAgo(200) },
      ],
    });
    const result = await status(['--check', '--all-projects']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ucinder: HEALTH_ERR: 5 errors, 5 warnings, 1 notice (stuck after 10m, pools above 90%, all projects)\n');
    const brief = result.rows.map((row) => [row.Severity, row.Check, row.ID, row.Fix]);
    expect(brief).toEqual([
      ['error', 'attachment-error', ATT, `ucinder volume attachment delete ${ATT}`],
      ['error', 'backend-down', 'cinder-volume@node5@lvm', 'ucinder volume backend pool list --long; then the storage itself'],
      [
        'error',
        'service-down',
        'cinder-volume@node2@lvm',
        'ucinder block storage cleanup --host node2@lvm; if the node is gone for good: ucinder volume service remove cinder-volume node2@lvm',
      ],
      ['error', 'snapshot-stuck', 'snap-1', 'ucinder volume snapshot set --state error snap-1; then ucinder volume snapshot delete snap-1'],
      // The volume's service is down: cleanup, not a state reset.
      ['error', 'volume-stuck', VOL, 'ucinder block storage cleanup --host node2@lvm'],
      ['warning', 'cluster-hosts-down', 'cinder-volume@c1@lvm', 'ucinder block storage cleanup --cluster c1@lvm --down; then ucinder block storage cluster list --long'],
      ['warning', 'failed-over', 'cinder-volume@node4@lvm', 'when the primary is back: ucinder volume host failover node4@lvm --volume-backend default'],
      ['warning', 'frozen', 'cinder-volume@node4@lvm', 'ucinder volume host set --enable node4@lvm'],
      ['warning', 'pool-full', 'node1@lvm#lvm', 'pools with room: ucinder volume backend pool list --long; then move volumes there with volume migrate --host POOL'],
      ['warning', 'service-disabled', 'cinder-volume@node3@lvm', 'ucinder volume service set --enable node3@lvm cinder-volume'],
      // Its creation failed: no data to keep.
      ['notice', 'volume-error', VOL2, `its creation failed; ucinder volume delete ${VOL2}`],
    ]);
    const row = (check: string) => result.rows.find((candidate) => candidate.Check === check)!;
    expect(row('service-down').Problem).toBe('cinder-volume on node2@lvm is down for 15m (last heartbeat ' + minutesAgo(15) + ')');
    expect(row('service-down').Since).toBe('2026-03-01T11:45:00.000Z');
    expect(row('volume-stuck')).toMatchObject({ Name: 'dead-create', Problem: 'volume stuck in creating for 12m on node2@lvm (its volume service is down)' });
    // The newest message explains the volume in error.
    expect(row('volume-error').Problem).toBe('volume in error: schedule allocate volume:Could not find any available weighted backend.');
    expect(row('pool-full').Problem).toBe('pool node1@lvm#lvm is 95.0% full (5 of 100 GiB free; threshold 90%)');
    // Never updated: dated from its creation.
    expect(row('snapshot-stuck').Problem).toBe(`snapshot of volume ${VOL} stuck in creating for 1h 0m`);
  });

  it('notices alone (a volume in error) do not fail --check; the JSON keys are the documented ones', async () => {
    serveCloud(mock.pool, { services: [UP('node1@lvm')], volumes: { error: [{ id: VOL, name: 'failed', status: 'error', updated_at: minutesAgo(5) }] } });
    const result = await status(['--check']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.rows).toEqual([
      {
        Severity: 'notice',
        Check: 'volume-error',
        Resource: 'volume',
        ID: VOL,
        Name: 'failed',
        Problem: 'volume in error',
        Since: '2026-03-01T11:55:00.000Z',
        Fix: `check its data on the backend; if intact: ucinder volume set --state available ${VOL}; only if lost: ucinder volume delete ${VOL}`,
      },
    ]);
    expect(result.stderr).toBe('HEALTH_OK: 1 notice (stuck after 10m, pools above 90%, this project)\n');
  });

  it('a volume in error keeps its data unless its creation failed: set available after checking the backend first, delete only when lost', async () => {
    const ids = ['aaaaaaaa-0000-4000-8000-000000000011', 'aaaaaaaa-0000-4000-8000-000000000012', 'aaaaaaaa-0000-4000-8000-000000000013', 'aaaaaaaa-0000-4000-8000-000000000014'];
    serveCloud(mock.pool, {
      services: [UP('node1@lvm')],
      volumes: {
        error: [
          // Reset by hand, or a failed retype: on its backend with its data.
          { id: ids[0], name: 'reset', status: 'error', updated_at: minutesAgo(5), 'os-vol-host-attr:host': 'node1@lvm#lvm' },
          // Its extend failed (Cinder's message says so): the data is there.
          { id: ids[1], name: 'extend', status: 'error', updated_at: minutesAgo(5), 'os-vol-host-attr:host': 'node1@lvm#lvm' },
          // Never scheduled: nothing on any backend.
          { id: ids[2], name: 'unscheduled', status: 'error', updated_at: minutesAgo(5), 'os-vol-host-attr:host': null },
        ],
        error_extending: [{ id: ids[3], name: 'ext', status: 'error_extending', updated_at: minutesAgo(5), 'os-vol-host-attr:host': 'node1@lvm#lvm' }],
      },
      messages: [{ id: 'm1', event_id: 'VOLUME_VOLUME_007_001', resource_uuid: ids[1], user_message: 'extend volume:An unknown error occurred.', created_at: minutesAgo(5) }],
    });
    const result = await status();
    expect(Object.fromEntries(result.rows.map((row) => [row.Name, row.Fix]))).toEqual({
      reset: `check its data on the backend node1@lvm; if intact: ucinder volume set --state available ${ids[0]}; only if lost: ucinder volume delete ${ids[0]}`,
      extend: `check its data on the backend node1@lvm; if intact: ucinder volume set --state available ${ids[1]}; only if lost: ucinder volume delete ${ids[1]}`,
      unscheduled: `it never reached a backend; ucinder volume delete ${ids[2]}`,
      ext: `the size did not change: ucinder volume set --state available ${ids[3]}`,
    });
  });

  it('reads top-down: the table first, the one-line summary after it', async () => {
    serveCloud(mock.pool, { services: [UP('node1@lvm')], volumes: { error: [{ id: VOL, name: 'failed', status: 'error', updated_at: minutesAgo(5) }] } });
    const written: string[] = [];
    const io = { ...bufferIOStreams().io, stdout: { write: (chunk: string) => written.push(`out:${chunk}`) }, stderr: { write: (chunk: string) => written.push(`err:${chunk}`) } };
    const transport = { send: transportFor(mock.agent).send, close: async () => undefined };
    const code = await main(['--no-cache', 'status', '-c', 'Check'], {
      io,
      env: { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent' },
      transport,
      now: () => NOW,
    });
    expect(code).toBe(0);
    expect(written.join('')).toBe(
      'out:+--------------+\n| Check        |\n+--------------+\n| volume-error |\n+--------------+\n' +
        'err:HEALTH_OK: 1 notice (stuck after 10m, pools above 90%, this project)\n',
    );
  });

  it('a reserved attachment is stale once its volume is stuck; the stuck volume names the attachment to delete', async () => {
    serveCloud(mock.pool, {
      services: [UP('node1@lvm')],
      volumes: { reserved: [{ id: VOL, name: 'r', status: 'reserved', updated_at: minutesAgo(0.5), 'os-vol-host-attr:host': 'node1@lvm#lvm' }] },
      attachments: { reserved: [{ id: ATT, volume_id: VOL, instance: SERVER, status: 'reserved' }] },
    });
    const young = await status();
    expect(young.rows).toEqual([]);
    mock.renew();
    serveCloud(mock.pool, {
      services: [UP('node1@lvm')],
      volumes: { reserved: [{ id: VOL, name: 'r', status: 'reserved', updated_at: minutesAgo(0.5), 'os-vol-host-attr:host': 'node1@lvm#lvm' }] },
      attachments: { reserved: [{ id: ATT, volume_id: VOL, instance: SERVER, status: 'reserved' }] },
    });
    const old = await status(['--stuck-after', '20s']);
    expect(old.rows.map((row) => [row.Check, row.ID, row.Fix])).toEqual([
      ['attachment-stale', ATT, `ucinder volume attachment delete ${ATT}`],
      ['volume-stuck', VOL, `ucinder volume attachment delete ${ATT}`],
    ]);
    expect(old.rows[0]!.Problem).toBe(`attachment of volume ${VOL} to server ${SERVER} stayed reserved; the volume is stuck in reserved`);
  });

  it('a server without the backups API: the other checks run, one warning says backups were not checked', async () => {
    serveCloud(mock.pool, { services: [UP('node1@lvm')], backups: 'missing' });
    const result = await status(['--check']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      'ucinder: warning: status: backups not checked: The resource could not be found. (HTTP 404)\nHEALTH_OK: no problems (stuck after 10m, pools above 90%, this project)\n',
    );
  });

  it('a listing status cannot do without (services, volumes) refused: exit 1 with the reason, never HEALTH_OK', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: (path: string) => path.startsWith(`${BASE_PATH}/`), method: 'GET' })
      .reply(403, { forbidden: { code: 403, message: 'Policy does not allow volume_extension:services:index to be performed.' } })
      .persist();
    const result = await run(['status', '--check'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ucinder: Policy does not allow volume_extension:services:index to be performed\. \(HTTP 403\)/);
    expect(result.stderr).not.toContain('HEALTH_OK');
  });

  it('an old server (3.0): no time filter, clusters and attachments skipped with a reason, the rest checked', async () => {
    const seen = serveCloud(mock.pool, { services: [UP('node1@lvm')], volumes: { creating: [{ id: VOL, name: 'v', status: 'creating', updated_at: minutesAgo(11) }] } }, '3.0');
    const result = await status();
    expect(result.rows.map((row) => row.Check)).toEqual(['volume-stuck']);
    expect(seen).toContain('/volumes/detail?status=creating');
    expect(seen.some((path) => path.startsWith('/clusters') || path.startsWith('/attachments'))).toBe(false);
    expect(result.stderr).toContain('ucinder: warning: status: clusters not checked');
    expect(result.stderr).toContain('ucinder: warning: status: attachments not checked: the attachments API needs microversion 3.27');
  });

  it.each([
    [['--stuck-after', '10x'], 'expected a duration such as 30s, 10m, 1h or 2d.'],
    [['--stuck-after', '0'], 'expected a duration such as 30s, 10m, 1h or 2d.'],
    [['--pool-threshold', '120'], 'expected a percentage above 0 and at most 100'],
    [['-c', 'Nope'], "unknown column 'Nope'"],
  ])('%j is a usage error before any request', async (args, message) => {
    const result = await run(['status', ...args], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
