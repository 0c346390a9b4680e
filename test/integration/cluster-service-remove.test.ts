import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.js';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinder, uniqueName } from '../support/ucinder-process.js';
import { clusterSh, EXTRA_CLUSTER as CLUSTER, EXTRA_CLUSTER_HOSTS as HOSTS } from './helpers/cluster.js';

/**
 * Two extra cinder-volume processes in one active/active cluster
 * (test/testbed/cluster.sh), then `volume service remove` through the real
 * cinder-manage once they are down. The shared test bed's own services are
 * never touched; cluster.sh stop removes whatever rows are left.
 */
// The test bed's own config (a private test bed lives elsewhere: UCINDER_TESTBED_DIR, as lib.sh reads it).
const MANAGE = `cinder-manage --config-file ${join(process.env.UCINDER_TESTBED_DIR || '/var/tmp/ucinder-testbed', 'etc/cinder.conf')}`;

const env = { ...testbedEnv(), ...privateHome() };

interface ServiceRow {
  Host: string;
  State: string;
  Cluster: string | null;
}

/** Starts both cluster nodes (a no-op when they run) and waits until Cinder reports them up. */
function startCluster(): void {
  clusterSh(['start']);
}

/** Stops both nodes and removes their service and cluster rows. */
function stopCluster(): void {
  clusterSh(['stop']);
}

async function clusterServices(): Promise<ServiceRow[]> {
  const run = await ucinder(['volume', 'service', 'list', '--long', '--service', 'cinder-volume', '-f', 'json'], env);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as ServiceRow[]).filter((row) => HOSTS.includes(row.Host));
}

describe('a running active/active cluster of real cinder-volume processes', () => {
  // Read-only for every test here: the running cluster.
  beforeAll(startCluster, 300_000);
  afterAll(stopCluster, 300_000);

  it('cluster list shows both hosts up in one cluster', async () => {
    const run = await ucinder(['cluster', 'list', '--long', '--binary', 'cinder-volume', '-f', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const cluster = (JSON.parse(run.stdout) as Record<string, unknown>[]).find((row) => row.Name === CLUSTER);
    expect(cluster).toMatchObject({ Binary: 'cinder-volume', State: 'up', Status: 'enabled', 'Num Hosts': 2, 'Num Down Hosts': 0 });
  });

  it("cluster show and the services' Cluster column name the cluster", async () => {
    const show = await ucinder(['cluster', 'show', CLUSTER, '-f', 'json'], env);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ Name: CLUSTER, Binary: 'cinder-volume', Hosts: 2 });
    const services = await clusterServices();
    expect(services.map((row) => row.Host).sort()).toEqual(HOSTS);
    expect(services.every((row) => row.Cluster === CLUSTER)).toBe(true);
  });

  it('pool list --long shows the cluster backend with its capabilities', async () => {
    const run = await ucinder(['volume', 'backend', 'pool', 'list', '--long', '-f', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const pools = JSON.parse(run.stdout) as Record<string, unknown>[];
    // Clustered backends report under the cluster's name.
    expect(pools.find((pool) => pool.Name === `${CLUSTER}#clbe`)).toMatchObject({ 'Backend Name': 'clbe', Vendor: 'ucinder', Protocol: 'iSCSI' });
  });

  it("availability zone list includes the cluster backend's zone", async () => {
    const run = await ucinder(['availability', 'zone', 'list', '-f', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining([{ 'Zone Name': 'ucinder-cluster', 'Zone Status': 'available' }]));
  });

  it('refuses to remove without --yes when stdin is not a terminal', async () => {
    const run = await ucinder(['volume', 'service', 'remove', '--runner', 'local', '--manage-command', MANAGE, 'cinder-volume', HOSTS[0]!], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass --yes');
  });
});

describe('volume service remove through the real cinder-manage', () => {
  it('removes a stopped host with cinder-manage; it disappears and the cluster shrinks', async () => {
    startCluster();
    try {
      clusterSh(['stop', '--keep-rows'], 120_000);
      // service_down_time is 20 s in the test bed: poll for up to 90 s.
      const states = await pollUntil(clusterServices, (rows) => rows.every((row) => row.State === 'down'), { attempts: 45, intervalMs: 2000 });
      expect(states.map((row) => `${row.Host} ${row.State}`).sort()).toEqual(HOSTS.map((host) => `${host} down`));
      const run = await ucinder(['volume', 'service', 'remove', '--runner', 'local', '--manage-command', MANAGE, '--yes', 'cinder-volume', HOSTS[0]!, '-f', 'json'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain('is up');
      expect(JSON.parse(run.stdout)).toMatchObject({
        binary: 'cinder-volume',
        host: HOSTS[0],
        runner: 'local',
        result: `Service cinder-volume on host ${HOSTS[0]} removed.`,
      });
      expect((await clusterServices()).map((row) => row.Host)).toEqual([HOSTS[1]]);
      const cluster = await ucinder(['cluster', 'show', CLUSTER, '-f', 'json'], env);
      expect(JSON.parse(cluster.stdout)).toMatchObject({ Hosts: 1 });
    } finally {
      stopCluster();
    }
  }, 600_000);

  it('a host cinder-manage does not know is an error (exit 1), though cinder-manage exits 0', async () => {
    const host = `${uniqueName('it-no-such-node')}@clbe`;
    const run = await ucinder(['volume', 'service', 'remove', '--no-api-check', '--yes', 'cinder-volume', host], {
      ...env,
      UCINDER_MANAGE_RUNNER: 'local',
      UCINDER_MANAGE_COMMAND: MANAGE,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cinder-manage found no cinder-volume service on host '${host}': Host not found.`);
  });

  it('with the API check, an unknown host fails before cinder-manage runs', async () => {
    const host = `${uniqueName('it-no-such-node')}@clbe`;
    const run = await ucinder(['volume', 'service', 'remove', '--manage-command', '/nonexistent/cinder-manage', '--yes', 'cinder-volume', host], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cinder lists no cinder-volume service on host '${host}'`);
  });
});
