import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.js';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ROOT, ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { clusterSh, EXTRA_CLUSTER as CLUSTER, EXTRA_CLUSTER_HOSTS as HOSTS } from './helpers/cluster.js';

/**
 * The extra active/active cluster of test/testbed/cluster.sh, two real
 * cinder-volume processes, started once for the whole file (starting and
 * stopping it, and waiting for a stopped node to be reported down, are most
 * of what these tests cost): first what a running cluster shows, then a
 * replication failover and back, then an operator's bad night: a node dies
 * (SIGKILL) in the middle of a create, Cinder sees it down, `block storage
 * cleanup` makes the surviving node fail the stuck create, the dead node's
 * row goes with cinder-manage, and the cluster once its last node is stopped.
 * The scenarios run in that order, each from the cluster as the one before
 * left it; any one runs alone too. cluster.sh stop removes whatever is left,
 * so the test bed ends as it began.
 */
const TESTBED_DIR = process.env.UCINDER_TESTBED_DIR || '/var/tmp/ucinder-testbed';
const MANAGE = `cinder-manage --config-file ${join(TESTBED_DIR, 'etc/cinder.conf')}`;
const REPLICA = 'clbe-replica';

const env = { ...testbedEnv(), ...privateHome(), UCINDER_MANAGE_RUNNER: 'local', UCINDER_MANAGE_COMMAND: MANAGE };
const { cli, json } = ucinderWith(env);

beforeAll(() => clusterSh(['start']), 300_000);
afterAll(() => {
  clusterSh(['slow', '0']);
  clusterSh(['stop']);
}, 300_000);

/** `cluster.sh ARGS` with its stdout (its log lines go to stderr); '' when it fails. */
function clusterShOutput(args: string[]): string {
  try {
    return execFileSync('bash', [join(ROOT, 'test/testbed/cluster.sh'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

interface ServiceRow {
  Host: string;
  State: string;
  Status: string;
  Cluster: string | null;
}

async function clusterServices(): Promise<ServiceRow[]> {
  const rows = (await json('volume', 'service', 'list', '--long', '--service', 'cinder-volume')) as ServiceRow[];
  return rows.filter((row) => HOSTS.includes(row.Host));
}

/** service_down_time is 20 s and report_interval 2 s in the test bed: a dead node is down within ~25 s. */
function untilDown(host: string): Promise<ServiceRow[]> {
  return pollUntil(clusterServices, (rows) => rows.some((row) => row.Host === host && row.State === 'down'), { attempts: 45, intervalMs: 2000 });
}

describe('a running active/active cluster of real cinder-volume processes', () => {
  it('cluster list shows both hosts up in one cluster', async () => {
    const clusters = (await json('cluster', 'list', '--long', '--binary', 'cinder-volume')) as Record<string, unknown>[];
    const cluster = clusters.find((row) => row.Name === CLUSTER);
    expect(cluster).toMatchObject({ Binary: 'cinder-volume', State: 'up', Status: 'enabled', 'Num Hosts': 2, 'Num Down Hosts': 0 });
  });

  it("cluster show and the services' Cluster column name the cluster", async () => {
    expect(await json('cluster', 'show', CLUSTER)).toMatchObject({ Name: CLUSTER, Binary: 'cinder-volume', Hosts: 2 });
    const services = await clusterServices();
    expect(services.map((row) => row.Host).sort()).toEqual(HOSTS);
    expect(services.every((row) => row.Cluster === CLUSTER)).toBe(true);
  });

  it('pool list --long shows the cluster backend with its capabilities', async () => {
    const pools = (await json('volume', 'backend', 'pool', 'list', '--long')) as Record<string, unknown>[];
    // Clustered backends report under the cluster's name.
    expect(pools.find((pool) => pool.Name === `${CLUSTER}#clbe`)).toMatchObject({ 'Backend Name': 'clbe', Vendor: 'ucinder', Protocol: 'iSCSI' });
  });

  it("availability zone list includes the cluster backend's zone", async () => {
    expect(await json('availability', 'zone', 'list')).toEqual(expect.arrayContaining([{ 'Zone Name': 'ucinder-cluster', 'Zone Status': 'available' }]));
  });

  it('refuses to remove a service without --yes when stdin is not a terminal', async () => {
    const run = await cli('volume', 'service', 'remove', '--runner', 'local', '--manage-command', MANAGE, 'cinder-volume', HOSTS[0]!);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass --yes');
  });
});

describe('replication failover of the cluster, against the real scheduler and volume services', () => {
  it('volume host failover --wait moves both nodes to the replica; cluster show says so', async () => {
    const run = await cli('volume', 'host', 'failover', '--volume-backend', REPLICA, '--wait', HOSTS[0]!, '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ Host: HOSTS[0], 'Replication Status': 'failed-over', 'Active Backend ID': REPLICA }]);
    const cluster = await json('block', 'storage', 'cluster', 'show', CLUSTER);
    expect(cluster).toMatchObject({ Status: 'disabled', 'Disabled Reason': 'failed-over', 'Replication Status': 'failed-over', 'Active Backend ID': REPLICA });
  }, 180_000);

  it('a target the backend does not have: the services refuse it and --wait says so (exit 1)', async () => {
    const run = await cli('volume', 'host', 'failover', '--volume-backend', 'no-such-replica', '--wait', HOSTS[1]!);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`ucinder: host ${HOSTS[1]} did not fail over to no-such-replica: failed-over, active backend ${REPLICA}`);
  }, 180_000);

  it('--cluster --volume-backend default --wait fails the cluster back', async () => {
    const run = await cli('volume', 'host', 'failover', '--cluster', '--volume-backend', 'default', '--wait', CLUSTER, '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows.map((row) => row.Host).sort()).toEqual(HOSTS);
    expect(rows.every((row) => row['Replication Status'] === 'enabled' && !row['Active Backend ID'])).toBe(true);
    // A failback re-enables the services (they were disabled as failed-over), and the cluster with them.
    expect(await json('block', 'storage', 'cluster', 'show', CLUSTER)).toMatchObject({ 'Replication Status': 'enabled', 'Active Backend ID': '' });
  }, 180_000);

  it('cluster set --disable/--enable with a reason, on the real cluster', async () => {
    const disabled = await json('block', 'storage', 'cluster', 'set', '--disable', '--disable-reason', 'it-deadnode maintenance', CLUSTER);
    expect(disabled).toMatchObject({ Name: CLUSTER, Status: 'disabled', 'Disabled Reason': 'it-deadnode maintenance' });
    const listed = (await json('cluster', 'list', '--disabled', '--long')) as Record<string, unknown>[];
    expect(listed.find((cluster) => cluster.Name === CLUSTER)).toMatchObject({ Status: 'disabled', 'Disabled Reason': 'it-deadnode maintenance' });
    expect(await json('cluster', 'set', '--enable', CLUSTER)).toMatchObject({ Status: 'enabled', 'Disabled Reason': null });
  });
});

describe('a node dies in the middle of a create', () => {
  const name = uniqueName('it-deadnode');
  let volumeId = '';
  let dead = '';
  let survivor = '';

  it('the create hangs in `creating` on the node that was killed, which Cinder then reports down', async () => {
    clusterSh(['slow', '120']);
    const volume = await json('volume', 'create', '--size', '1', '--availability-zone', 'ucinder-cluster', name);
    volumeId = volume.id;
    dead = await pollUntil(() => clusterShOutput(['doing', volumeId]), (node) => node !== '', { attempts: 60, intervalMs: 1000 });
    expect(HOSTS).toContain(dead);
    survivor = HOSTS.find((host) => host !== dead)!;
    clusterSh(['kill', dead]);
    const rows = await untilDown(dead);
    expect(rows.map((row) => `${row.Host} ${row.State}`).sort()).toEqual([`${dead} down`, `${survivor} up`].sort());
    expect((await json('volume', 'show', volumeId)).status).toBe('creating');
  }, 180_000);

  it('ucinder status --check exits 1, naming the dead node, its cluster and the stuck volume, each with the command that fixes it', async () => {
    const run = await cli('status', '--check', '--stuck-after', '1s', '--all-projects', '-f', 'json');
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(problems).toContainEqual(
      expect.objectContaining({ Check: 'service-down', ID: `cinder-volume@${dead}`, Fix: expect.stringContaining(`ucinder block storage cleanup --host ${dead}`) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ Check: 'volume-stuck', ID: volumeId, Name: name, Fix: `ucinder block storage cleanup --host ${dead}` }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ Check: 'cluster-hosts-down', Name: CLUSTER, Severity: 'warning' }));
  }, 120_000);

  it('cluster list shows the cluster with one host down', async () => {
    const clusters = (await json('block', 'storage', 'cluster', 'list', '--long', '--num-down-hosts', '1', '--binary', 'cinder-volume')) as Record<string, unknown>[];
    expect(clusters.find((cluster) => cluster.Name === CLUSTER)).toMatchObject({ State: 'up', 'Num Hosts': 2, 'Num Down Hosts': 1 });
    const none = (await json('block', 'storage', 'cluster', 'list', '--down')) as Record<string, unknown>[];
    expect(none.map((cluster) => cluster.Name)).not.toContain(CLUSTER);
  });

  it('block storage cleanup --cluster --down --wait: the survivor fails the stuck create, the volume leaves creating', async () => {
    const run = await cli('block', 'storage', 'cleanup', '--cluster', CLUSTER, '--down', '--wait', '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { ID: expect.any(Number), 'Cluster Name': CLUSTER, Host: dead, Binary: 'cinder-volume', Status: 'Cleaning' },
    ]);
    expect(run.stderr).toContain(`volume ${volumeId} (${name}): creating -> error\n`);
    expect((await json('volume', 'show', volumeId)).status).toBe('error');
  }, 180_000);

  it("the dead node's service row goes through cinder-manage; the cluster keeps the survivor", async () => {
    // The runner given as flags here (the variables of `env` name it for `cluster remove` below).
    const run = await cli('volume', 'service', 'remove', '--runner', 'local', '--manage-command', MANAGE, '--yes', 'cinder-volume', dead, '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('is up');
    expect(JSON.parse(run.stdout)).toMatchObject({ binary: 'cinder-volume', host: dead, runner: 'local', result: `Service cinder-volume on host ${dead} removed.` });
    expect((await clusterServices()).map((row) => row.Host)).toEqual([survivor]);
    expect(await json('block', 'storage', 'cluster', 'show', CLUSTER)).toMatchObject({ Hosts: 1, 'Down Hosts': 0 });
  });

  it('after cleanup and the row removal, status names nothing of the dead node or its cluster, only the volume cleanup left in error (a notice)', async () => {
    const run = await cli('status', '--stuck-after', '1s', '--all-projects', '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    const problems = JSON.parse(run.stdout) as Record<string, unknown>[];
    const ours = problems.filter((problem) => JSON.stringify(problem).includes(dead) || problem.Name === CLUSTER || problem.ID === volumeId);
    expect(ours).toEqual([expect.objectContaining({ Severity: 'notice', Check: 'volume-error', ID: volumeId, Fix: `ucinder volume delete ${volumeId}` })]);
  }, 120_000);

  it('the errored volume is deleted by the surviving node', async () => {
    const run = await cli('volume', 'delete', '--wait', volumeId);
    expect(run.code, run.stderr).toBe(0);
  }, 180_000);

  it('cluster remove refuses while a node is up, and removes the cluster once it is down', async () => {
    const refused = await cli('cluster', 'remove', '--yes', '--recursive', CLUSTER);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `ucinder: cluster '${CLUSTER}' still has 1 service up: a running service re-creates its rows at its next heartbeat; stop it first (see 'ucinder volume service list')\n`,
    );
    clusterSh(['stop', '--keep-rows'], 120_000);
    await untilDown(survivor);
    const removed = await cli('block', 'storage', 'cluster', 'remove', '--yes', '--recursive', CLUSTER, '-f', 'json');
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({
      cluster: CLUSTER,
      command: `${MANAGE} cluster remove --recursive cinder-volume ${CLUSTER}`,
      result: expect.stringMatching(new RegExp(`^Cluster ${CLUSTER} (successfully )?removed`)),
    });
    const gone = await cli('block', 'storage', 'cluster', 'show', CLUSTER);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/could not be found.*\(HTTP 404\)/);
    expect(await clusterServices()).toEqual([]);
  }, 180_000);
});

describe('bad input against the real server: one line, the right exit code', () => {
  it.each([
    [['block', 'storage', 'cluster', 'set', '--enable', 'no-such-cluster@x'], /^ucinder: Cluster .*could not be found\. \(HTTP 404\)/],
    [['block', 'storage', 'cluster', 'remove', '--yes', 'no-such-cluster@x'], /^ucinder: Cinder lists no cinder-volume cluster 'no-such-cluster@x'/],
    [['volume', 'host', 'failover', '--volume-backend', REPLICA, 'no-such-host@x'], /^ucinder: No service found with host=no-such-host@x \(HTTP 400\)/],
    [['--os-volume-api-version', '3.23', 'block', 'storage', 'cleanup', '--host', 'no-such-host@x'], /^ucinder: block storage cleanup needs Block Storage API microversion 3\.24 or later, but this session uses 3\.23/],
    [['--os-volume-api-version', '3.25', 'volume', 'host', 'failover', '--cluster', '--volume-backend', REPLICA, CLUSTER], /^ucinder: volume host failover --cluster needs Block Storage API microversion 3\.26/],
  ])('%j', async (args, message) => {
    const run = await ucinder(args, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('cleanup of an unknown host matches nothing: an empty table and a warning, exit 0 (as Cinder answers)', async () => {
    const run = await cli('block', 'storage', 'cleanup', '--host', 'no-such-host@x', '-f', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toBe('ucinder: warning: no cleanable service matched (Cinder only cleans services that are down unless --up is given)\n');
  });
});
