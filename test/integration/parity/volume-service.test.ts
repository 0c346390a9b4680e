import { beforeAll, describe, expect, it } from 'vitest';
import { EXTRA_CLUSTER, EXTRA_CLUSTER_HOSTS, withExtraCluster } from '../helpers/cluster.js';
import { uniqueName, type Run } from '../../support/ucinder-process.js';
import { csvHeader, expectSameListing, sideBySide, type SideBySide } from './side-by-side.js';

/** Heartbeats move between two reads. */
const MOVING = ['Updated At'];

/** A set command's run as both tools should end it: exit 0, nothing printed. */
function expectSilentSuccess(run: Run, what: string): void {
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }, what).toEqual({ code: 0, stdout: '', stderr: '' });
}

describe('parity with openstack: volume service and volume host', () => {
  let peers: SideBySide;

  beforeAll(() => {
    peers = sideBySide();
  });

  it('volume service list and --long: the same columns in the same order and the same values', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await peers.json(['volume', 'service', 'list', ...long]);
      // A host runs several services (node1: cinder-scheduler and cinder-backup): compare binary by binary.
      const rows = (list: unknown, binary: unknown) => (list as Record<string, unknown>[]).filter((row) => row.Binary === binary);
      const binaries = new Set((theirs as Record<string, unknown>[]).map((row) => row.Binary));
      expect(binaries.size).toBeGreaterThan(1);
      for (const binary of binaries) expectSameListing(rows(ours, binary), rows(theirs, binary), 'Host', { ignoreValues: MOVING });
      const csv = await peers.text(['volume', 'service', 'list', ...long, '-f', 'csv']);
      expect(csvHeader(csv.ours).startsWith(csvHeader(csv.theirs)), csv.ours).toBe(true);
    }
    // ucinder's own columns come after openstack's.
    const { ours } = await peers.json(['volume', 'service', 'list', '--long', '--service', 'cinder-volume']);
    const volumeService = (ours as Record<string, unknown>[])[0]!;
    expect(Object.keys(volumeService).slice(7)).toEqual(['Cluster', 'Backend State', 'Replication Status', 'Active Backend ID', 'Frozen']);
    // Cinder reports these of cinder-volume services (Backend State from 3.49, which ucinder negotiates).
    expect(volumeService).toMatchObject({ 'Backend State': 'up', 'Replication Status': 'disabled', Frozen: false });
  });

  it('volume service list --host --service, and -f value / -f csv with -c, print what openstack prints', async () => {
    const filtered = await peers.json(['volume', 'service', 'list', '--host', 'node1@mmj', '--service', 'cinder-volume', '--long']);
    expect(filtered.ours).toHaveLength(1);
    expectSameListing(filtered.ours, filtered.theirs, 'Host', { ignoreValues: MOVING });
    // One host only: other tests may change other services between the two reads.
    for (const format of ['value', 'csv']) {
      const selected = await peers.text([
        'volume',
        'service',
        'list',
        '--long',
        '--host',
        'node1@mmj',
        '-f',
        format,
        '-c',
        'Disabled Reason',
        '-c',
        'Host',
        '-c',
        'Status',
        '-c',
        'Binary',
      ]);
      expect(selected.ours).toBe(selected.theirs);
    }
  });

  it("--max-width fits the table as openstack does (cliff's column widths, Python's textwrap), column for column", async () => {
    const columns = ['Binary', 'Host', 'Zone', 'Status', 'State', 'Updated At', 'Disabled Reason'].flatMap((column) => ['-c', column]);
    // Heartbeats move between the two reads; the digits' count, which decides the wrapping, does not.
    // At 60 neither fits (cliff keeps every column at least as wide as its header): the same overflow.
    const digitsMasked = (text: string) => text.replace(/\d/g, '9');
    for (const width of ['100', '60']) {
      const { ours, theirs } = await peers.text(['volume', 'service', 'list', '--long', '--max-width', width, ...columns, '--sort-column', 'Host', '--sort-column', 'Binary']);
      expect(digitsMasked(ours)).toBe(digitsMasked(theirs));
    }
  });

  it('the shortcut `service list` prints what `volume service list` prints', async () => {
    const args = [
      'list',
      '--long',
      '-f',
      'value',
      '-c',
      'Binary',
      '-c',
      'Host',
      '-c',
      'Zone',
      '-c',
      'Status',
      '-c',
      'Disabled Reason',
      '-c',
      'Cluster',
      '--sort-column',
      'Host',
      '--sort-column',
      'Binary',
    ];
    // Host alone ties node1's services, which Cinder returns in no fixed order.
    const [short, full] = await Promise.all([peers.ucinder(['service', ...args]), peers.ucinder(['volume', 'service', ...args])]);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout).not.toBe('');
    expect(short.stdout).toBe(full.stdout);
  });

  /**
   * The set commands change the services of an extra cluster
   * (test/testbed/cluster.sh), never the test bed's own: `testbed.sh up`
   * (every test run's global setup) restarts the whole shared test bed when
   * one of its own services is disabled.
   */
  describe("on the extra cluster's services", () => {
    const host = EXTRA_CLUSTER_HOSTS[0]!;
    withExtraCluster();

    it('volume service set: each tool undoes what the other did, both silent; --disable-reason without --disable fails in both', async () => {
      const reason = uniqueName('par-sset');
      const service = async () => {
        const { ours } = await peers.json(['volume', 'service', 'list', '--long', '--host', host, '--service', 'cinder-volume']);
        return (ours as Record<string, unknown>[])[0]!;
      };
      expectSilentSuccess(await peers.openstack(['volume', 'service', 'set', '--disable', '--disable-reason', reason, host, 'cinder-volume']), 'openstack --disable');
      expect(await service()).toMatchObject({ Status: 'disabled', 'Disabled Reason': reason });
      expectSilentSuccess(await peers.ucinder(['volume', 'service', 'set', '--enable', host, 'cinder-volume']), 'ucinder --enable');
      expect(await service()).toMatchObject({ Status: 'enabled' });
      expectSilentSuccess(await peers.ucinder(['volume', 'service', 'set', '--disable', host, 'cinder-volume']), 'ucinder --disable');
      expect(await service()).toMatchObject({ Status: 'disabled' });
      expectSilentSuccess(await peers.openstack(['volume', 'service', 'set', '--enable', host, 'cinder-volume']), 'openstack --enable');
      expect(await service()).toMatchObject({ Status: 'enabled' });
      const misuse = ['volume', 'service', 'set', '--enable', '--disable-reason', reason, host, 'cinder-volume'];
      const [ours, theirs] = await Promise.all([peers.ucinder(misuse), peers.openstack(misuse)]);
      expect(theirs.code, theirs.stderr).not.toBe(0);
      expect(ours.code, ours.stderr).not.toBe(0);
    });

    it('volume host set: openstack freezes and ucinder thaws, then the other way round, both silent', async () => {
      // A clustered host freezes its whole cluster: the cluster's Frozen flag
      // is set by the API itself (which service row the volume service then
      // disables depends on which node takes the message).
      const frozen = async () => {
        const run = await peers.ucinder(['block', 'storage', 'cluster', 'show', EXTRA_CLUSTER, '-f', 'json']);
        expect(run.code, run.stderr).toBe(0);
        return JSON.parse(run.stdout).Frozen;
      };
      expectSilentSuccess(await peers.openstack(['volume', 'host', 'set', '--disable', host]), 'openstack --disable');
      expect(await frozen()).toBe(true);
      expectSilentSuccess(await peers.ucinder(['volume', 'host', 'set', '--enable', host]), 'ucinder --enable');
      expect(await frozen()).toBe(false);
      expectSilentSuccess(await peers.ucinder(['volume', 'host', 'set', '--disable', host]), 'ucinder --disable');
      expect(await frozen()).toBe(true);
      expectSilentSuccess(await peers.openstack(['volume', 'host', 'set', '--enable', host]), 'openstack --enable');
      expect(await frozen()).toBe(false);
    });
  });
});
