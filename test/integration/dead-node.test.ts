import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { pollUntil } from '../support/poll.js';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ROOT, ucinder, ucinderWith, uniqueName, type Run } from '../support/ucinder-process.js';
import { clusterSh, EXTRA_CLUSTER as CLUSTER, EXTRA_CLUSTER_HOSTS as HOSTS } from './helpers/cluster.js';
import { Staging } from './helpers/staging.js';

/**
 * An operator's bad night, staged for real on the extra active/active
 * cluster of test/testbed/cluster.sh: a node dies (SIGKILL) in the middle of
 * a create, Cinder sees it down, `block storage cleanup` makes the surviving
 * node fail the stuck create, and the dead node's rows go with cinder-manage.
 * Then a replication failover of the cluster and back. cluster.sh stop
 * removes whatever is left, so the test bed ends as it began. Every test
 * runs alone too: it asks helpers/staging.ts for the stage it needs.
 */
const TESTBED_DIR = process.env.UCINDER_TESTBED_DIR || '/var/tmp/ucinder-testbed';
const MANAGE = `cinder-manage --config-file ${join(TESTBED_DIR, 'etc/cinder.conf')}`;
const REPLICA = 'clbe-replica';

const env = { ...testbedEnv(), ...privateHome(), UCINDER_MANAGE_RUNNER: 'local', UCINDER_MANAGE_COMMAND: MANAGE };
const { cli, json } = ucinderWith(env);

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
}

async function clusterServices(): Promise<ServiceRow[]> {
  const rows = (await json('volume', 'service', 'list', '--service', 'cinder-volume')) as ServiceRow[];
  return rows.filter((row) => HOSTS.includes(row.Host));
}

/** service_down_time is 20 s and report_interval 2 s in the test bed: a dead node is down within ~25 s. */
function untilDown(host: string): Promise<ServiceRow[]> {
  return pollUntil(clusterServices, (rows) => rows.some((row) => row.Host === host && row.State === 'down'), { attempts: 45, intervalMs: 2000 });
}

/**
 * What the staging of the dead node leaves for the tests to look at. Each
 * test reaches the stage it needs (helpers/staging.ts), so it runs alone
 * with `-t NAME`; in order, the node is killed once for all of them.
 */
interface DeadNode {
  name: string;
  volumeId: string;
  dead: string;
  survivor: string;
  downRows: ServiceRow[];
  cleanup?: Run;
  removal?: Run;
}

/** The volumes stuck by a staging: deleted when the staging starts again and after the file. */
const stuckVolumes: string[] = [];

async function deleteStuckVolumes(): Promise<void> {
  for (const id of stuckVolumes.splice(0)) {
    // 'creating' on a node that is gone: back to error, then deleted by the cluster's running node.
    const reset = await cli('volume', 'set', '--state', 'error', id);
    if (reset.code === 0) expectCleanedUp(await cli('volume', 'delete', '--force', '--wait', id), `volume delete ${id}`);
    else expectCleanedUp(reset, `volume set --state error ${id}`);
  }
}

function deadNodeStaging(): { staging: Staging<'killed' | 'cleaned' | 'rowRemoved' | 'volumeDeleted'>; at: () => DeadNode } {
  let node: DeadNode | undefined;
  const ok = (run: Run, what: string) => {
    if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}): ${run.stderr}`);
    return run;
  };
  const staging = new Staging(
    ['killed', 'cleaned', 'rowRemoved', 'volumeDeleted'] as const,
    {
      killed: async () => {
        clusterSh(['slow', '120']);
        const name = uniqueName('it-deadnode');
        const volume = await json('volume', 'create', '--size', '1', '--availability-zone', 'ucinder-cluster', name);
        stuckVolumes.push(volume.id);
        const dead = await pollUntil(
          () => clusterShOutput(['doing', volume.id]),
          (host) => host !== '',
          { attempts: 60, intervalMs: 1000 },
        );
        expect(HOSTS).toContain(dead);
        const survivor = HOSTS.find((host) => host !== dead)!;
        clusterSh(['kill', dead]);
        node = { name, volumeId: volume.id, dead, survivor, downRows: await untilDown(dead) };
      },
      cleaned: async () => {
        node!.cleanup = ok(await cli('block', 'storage', 'cleanup', '--cluster', CLUSTER, '--down', '--wait', '-f', 'json'), 'block storage cleanup');
      },
      rowRemoved: async () => {
        node!.removal = ok(await cli('volume', 'service', 'remove', '--yes', 'cinder-volume', node!.dead, '-f', 'json'), 'volume service remove');
      },
      volumeDeleted: async () => {
        ok(await cli('volume', 'delete', '--wait', node!.volumeId), 'volume delete');
        const index = stuckVolumes.indexOf(node!.volumeId);
        if (index >= 0) stuckVolumes.splice(index, 1);
      },
    },
    async () => {
      node = undefined;
      clusterSh(['slow', '0']);
      clusterSh(['stop']);
      clusterSh(['start']);
      await deleteStuckVolumes();
    },
  );
  return { staging, at: () => node! };
}

describe('a node dies in the middle of a create', () => {
  const { staging, at } = deadNodeStaging();
  afterAll(async () => {
    clusterSh(['slow', '0']);
    // The cluster's nodes delete what a failed test left stuck, then go.
    if (stuckVolumes.length) {
      clusterSh(['start']);
      await deleteStuckVolumes();
    }
    clusterSh(['stop']);
  }, 600_000);

  it('the create hangs in `creating` on the node that was killed, which Cinder then reports down', async () => {
    await staging.perform('killed');
    const { dead, survivor, downRows, volumeId } = at();
    expect(downRows.map((row) => `${row.Host} ${row.State}`).sort()).toEqual([`${dead} down`, `${survivor} up`].sort());
    expect((await json('volume', 'show', volumeId)).status).toBe('creating');
  }, 600_000);

  it('ucinder status --check exits 1, naming the dead node, its cluster and the stuck volume, each with the command that fixes it', async () => {
    await staging.reach('killed');
    const { dead, volumeId, name } = at();
    const run = await cli('status', '--check', '--stuck-after', '1s', '--all-projects', '-f', 'json');
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(problems).toContainEqual(
      expect.objectContaining({ Check: 'service-down', ID: `cinder-volume@${dead}`, Fix: expect.stringContaining(`ucinder block storage cleanup --host ${dead}`) }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ Check: 'volume-stuck', ID: volumeId, Name: name, Fix: `ucinder block storage cleanup --host ${dead}` }));
    expect(problems).toContainEqual(expect.objectContaining({ Check: 'cluster-hosts-down', Name: CLUSTER, Severity: 'warning' }));
  }, 600_000);

  it('cluster list shows the cluster with one host down', async () => {
    await staging.reach('killed');
    const clusters = (await json('block', 'storage', 'cluster', 'list', '--long', '--num-down-hosts', '1', '--binary', 'cinder-volume')) as Record<string, unknown>[];
    expect(clusters.find((cluster) => cluster.Name === CLUSTER)).toMatchObject({ State: 'up', 'Num Hosts': 2, 'Num Down Hosts': 1 });
    const none = (await json('block', 'storage', 'cluster', 'list', '--down')) as Record<string, unknown>[];
    expect(none.map((cluster) => cluster.Name)).not.toContain(CLUSTER);
  }, 600_000);

  it('block storage cleanup --cluster --down --wait: the survivor fails the stuck create, the volume leaves creating', async () => {
    await staging.perform('cleaned');
    const { dead, volumeId, name, cleanup } = at();
    expect(JSON.parse(cleanup!.stdout)).toEqual([{ ID: expect.any(Number), 'Cluster Name': CLUSTER, Host: dead, Binary: 'cinder-volume', Status: 'Cleaning' }]);
    expect(cleanup!.stderr).toContain(`volume ${volumeId} (${name}): creating -> error\n`);
    expect((await json('volume', 'show', volumeId)).status).toBe('error');
  }, 600_000);

  it("the dead node's service row goes through cinder-manage; the cluster keeps the survivor", async () => {
    await staging.perform('rowRemoved');
    const { dead, survivor, removal } = at();
    expect(JSON.parse(removal!.stdout)).toMatchObject({ host: dead, result: `Service cinder-volume on host ${dead} removed.` });
    expect((await clusterServices()).map((row) => row.Host)).toEqual([survivor]);
    expect(await json('block', 'storage', 'cluster', 'show', CLUSTER)).toMatchObject({ Hosts: 1, 'Down Hosts': 0 });
  }, 600_000);

  it('after cleanup and the row removal, status names nothing of the dead node or its cluster, only the volume cleanup left in error (a notice)', async () => {
    await staging.reach('rowRemoved');
    const { dead, volumeId } = at();
    const run = await cli('status', '--stuck-after', '1s', '--all-projects', '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    const problems = JSON.parse(run.stdout) as Record<string, unknown>[];
    const ours = problems.filter((problem) => JSON.stringify(problem).includes(dead) || problem.Name === CLUSTER || problem.ID === volumeId);
    // It reached a backend: its data may be there, so the non-destructive fix comes first.
    expect(ours).toEqual([
      expect.objectContaining({
        Severity: 'notice',
        Check: 'volume-error',
        ID: volumeId,
        Fix: expect.stringMatching(
          new RegExp(`^check its data on the backend \\S+; if intact: ucinder volume set --state available ${volumeId}; only if lost: ucinder volume delete ${volumeId}$`),
        ),
      }),
    ]);
  }, 600_000);

  it('the errored volume is deleted by the surviving node', async () => {
    await staging.perform('volumeDeleted');
    const gone = await cli('volume', 'show', at().volumeId);
    expect([gone.code, gone.stderr]).toEqual([1, `ucinder: No volume with a name or ID of '${at().volumeId}' exists.\n`]);
  }, 600_000);

  it('cluster remove refuses while a node is up, and removes the cluster once it is down', async () => {
    await staging.reach('volumeDeleted');
    const { survivor } = at();
    // This test stops the cluster and removes it: no later stage holds.
    staging.invalidate();
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
  }, 600_000);
});

describe('replication failover of the cluster, against the real scheduler and volume services', () => {
  let failover: Run | undefined;
  let failback: Run | undefined;
  const staging = new Staging(
    ['started', 'failedOver', 'failedBack'] as const,
    {
      // The reset starts the cluster: enabled, not failed over.
      started: async () => undefined,
      failedOver: async () => {
        failover = await cli('volume', 'host', 'failover', '--volume-backend', REPLICA, '--wait', HOSTS[0]!, '-f', 'json');
        if (failover.code !== 0) throw new Error(`failover failed: ${failover.stderr}`);
      },
      failedBack: async () => {
        failback = await cli('volume', 'host', 'failover', '--cluster', '--volume-backend', 'default', '--wait', CLUSTER, '-f', 'json');
        if (failback.code !== 0) throw new Error(`failback failed: ${failback.stderr}`);
      },
    },
    () => {
      clusterSh(['stop']);
      clusterSh(['start']);
    },
  );
  afterAll(() => clusterSh(['stop']), 300_000);

  it('cluster set --disable/--enable with a reason, on the real cluster', async () => {
    await staging.reach('started');
    const disabled = await json('block', 'storage', 'cluster', 'set', '--disable', '--disable-reason', 'it-deadnode maintenance', CLUSTER);
    expect(disabled).toMatchObject({ Name: CLUSTER, Status: 'disabled', 'Disabled Reason': 'it-deadnode maintenance' });
    const listed = (await json('cluster', 'list', '--disabled', '--long')) as Record<string, unknown>[];
    expect(listed.find((cluster) => cluster.Name === CLUSTER)).toMatchObject({ Status: 'disabled', 'Disabled Reason': 'it-deadnode maintenance' });
    expect(await json('cluster', 'set', '--enable', CLUSTER)).toMatchObject({ Status: 'enabled', 'Disabled Reason': null });
  }, 600_000);

  it('volume host failover --wait moves both nodes to the replica; cluster show says so', async () => {
    await staging.perform('failedOver');
    expect(JSON.parse(failover!.stdout)).toEqual([{ Host: HOSTS[0], 'Replication Status': 'failed-over', 'Active Backend ID': REPLICA }]);
    const cluster = await json('block', 'storage', 'cluster', 'show', CLUSTER);
    expect(cluster).toMatchObject({ Status: 'disabled', 'Disabled Reason': 'failed-over', 'Replication Status': 'failed-over', 'Active Backend ID': REPLICA });
  }, 600_000);

  it('a target the backend does not have: the services refuse it and --wait says so (exit 1)', async () => {
    await staging.reach('failedOver');
    const run = await cli('volume', 'host', 'failover', '--volume-backend', 'no-such-replica', '--wait', HOSTS[1]!);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`ucinder: host ${HOSTS[1]} did not fail over to no-such-replica: failed-over, active backend ${REPLICA}`);
  }, 600_000);

  it('--cluster --volume-backend default --wait fails the cluster back', async () => {
    await staging.perform('failedBack');
    const rows = JSON.parse(failback!.stdout) as Record<string, unknown>[];
    expect(rows.map((row) => row.Host).sort()).toEqual(HOSTS);
    expect(rows.every((row) => row['Replication Status'] === 'enabled' && !row['Active Backend ID'])).toBe(true);
    // A failback re-enables the services (they were disabled as failed-over), and the cluster with them.
    expect(await json('block', 'storage', 'cluster', 'show', CLUSTER)).toMatchObject({ 'Replication Status': 'enabled', 'Active Backend ID': '' });
  }, 600_000);
});

describe('bad input against the real server: one line, the right exit code', () => {
  it.each([
    [['block', 'storage', 'cluster', 'set', '--enable', 'no-such-cluster@x'], /^ucinder: Cluster .*could not be found\. \(HTTP 404\)/],
    [['block', 'storage', 'cluster', 'remove', '--yes', 'no-such-cluster@x'], /^ucinder: Cinder lists no cinder-volume cluster 'no-such-cluster@x'/],
    [['volume', 'host', 'failover', '--volume-backend', REPLICA, 'no-such-host@x'], /^ucinder: No service found with host=no-such-host@x \(HTTP 400\)/],
    [
      ['--os-volume-api-version', '3.23', 'block', 'storage', 'cleanup', '--host', 'no-such-host@x'],
      /^ucinder: block storage cleanup needs Block Storage API microversion 3\.24 or later, but this session uses 3\.23/,
    ],
    [
      ['--os-volume-api-version', '3.25', 'volume', 'host', 'failover', '--cluster', '--volume-backend', REPLICA, CLUSTER],
      /^ucinder: volume host failover --cluster needs Block Storage API microversion 3\.26/,
    ],
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
