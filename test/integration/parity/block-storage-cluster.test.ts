import { beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { EXTRA_CLUSTER as CLUSTER, withExtraCluster } from '../helpers/cluster.js';
import { csvHeader, expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

/**
 * `block storage cluster list/show` (ucinder's `cluster …` under openstack's
 * name) against a real active/active cluster of two extra cinder-volume
 * processes (test/testbed/cluster.sh; the shared test bed's own services are
 * not touched).
 */
/** openstack refuses clusters below 3.7 and uses 3.0 unless told. */
const AT_3_7 = ['--os-volume-api-version', '3.7'];
/** Heartbeats move between two reads. */
const MOVING = ['Last Heartbeat'];

describe('parity with openstack: block storage cluster', () => {
  let peers: SideBySide;

  beforeAll(() => {
    peers = sideBySide();
  });
  withExtraCluster();

  /** ucinder as operators run it (negotiated microversion), openstack at 3.7; both must succeed. */
  const both = async (args: string[], oscVersion = AT_3_7) => {
    const [ours, theirs] = await Promise.all([peers.ucinder(args), peers.openstack([...oscVersion, ...args])]);
    expect(theirs.code, `openstack ${args.join(' ')}: ${theirs.stderr}`).toBe(0);
    expect(ours.code, `ucinder ${args.join(' ')}: ${ours.stderr}`).toBe(0);
    return { ours: ours.stdout, theirs: theirs.stdout };
  };

  it('block storage cluster list and --long: the same columns in the same order and the same values', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await both(['block', 'storage', 'cluster', 'list', ...long, '-f', 'json']);
      expectSameListing(JSON.parse(ours), JSON.parse(theirs), 'Name', { ignoreValues: MOVING });
      const csv = await both(['block', 'storage', 'cluster', 'list', ...long, '-f', 'csv']);
      expect(csvHeader(csv.ours)).toBe(csvHeader(csv.theirs));
    }
  });

  it("block storage cluster list filters (--cluster, --binary, --up, --disabled, --num-hosts) select what openstack's select", async () => {
    const filters = [['--cluster', CLUSTER, '--binary', 'cinder-volume'], ['--up', '--num-hosts', '2'], ['--disabled']];
    for (const filter of filters) {
      const { ours, theirs } = await both(['block', 'storage', 'cluster', 'list', ...filter, '-f', 'value', '-c', 'Name', '-c', 'Status']);
      expect(ours, filter.join(' ')).toBe(theirs);
    }
  });

  it('--down and --enabled filter in ucinder (openstack drops false filters and lists every cluster)', async () => {
    // cinderclient builds the query from truthy values only, so openstack's
    // --down (is_up=False) and --enabled (disabled=False) send no filter.
    const down = await peers.ucinder(['block', 'storage', 'cluster', 'list', '--down', '--cluster', CLUSTER, '-f', 'value', '-c', 'Name']);
    expect({ code: down.code, stdout: down.stdout }).toEqual({ code: 0, stdout: '' });
    const enabled = await peers.ucinder(['block', 'storage', 'cluster', 'list', '--enabled', '--cluster', CLUSTER, '-f', 'value', '-c', 'Name']);
    expect({ code: enabled.code, stdout: enabled.stdout }).toEqual({ code: 0, stdout: `${CLUSTER}\n` });
  });

  it('block storage cluster show: the same fields in the same (unsorted) order and the same values, at 3.7 and at the newest microversion', async () => {
    // At 3.7 the replication fields do not exist yet: both print them empty.
    const old = await peers.json([...AT_3_7, 'block', 'storage', 'cluster', 'show', CLUSTER]);
    expectSameRecord(old.ours, old.theirs, { ignoreValues: MOVING });
    expect((old.ours as Record<string, unknown>).Frozen).toBe('');
    // At ucinder's negotiated microversion (openstack told 3.70) both print them.
    const { ours, theirs } = await both(['block', 'storage', 'cluster', 'show', CLUSTER, '-f', 'json'], ['--os-volume-api-version', '3.70']);
    expectSameRecord(JSON.parse(ours), JSON.parse(theirs), { ignoreValues: MOVING });
    expect(JSON.parse(ours)).toMatchObject({ Name: CLUSTER, Hosts: 2, Frozen: false });
  });

  it('block storage cluster show -f value and -f shell with -c print what openstack prints', async () => {
    for (const format of [
      ['-f', 'value'],
      ['-f', 'shell', '--prefix', 'c_'],
    ]) {
      const select = [...format, '-c', 'Status', '-c', 'Name', '-c', 'Down Hosts', '-c', 'Disabled Reason', '-c', 'Hosts'];
      const { ours, theirs } = await peers.text([...AT_3_7, 'block', 'storage', 'cluster', 'show', CLUSTER, ...select]);
      expect(ours, format.join(' ')).toBe(theirs);
    }
  });

  it('block storage cluster set --disable --disable-reason, then --enable: the record openstack means to print', async () => {
    // openstack's `set` is a plain Command that returns _format_cluster()'s
    // (headers, values): cliff takes that for an exit code, prints the tuple
    // on stderr and exits 1, after the change was made. ucinder prints the
    // record those headers and values describe, as cinderclient's cluster-enable does.
    const newest = ['--os-volume-api-version', '3.70'];
    try {
      for (const flags of [['--disable', '--disable-reason', 'parity check'], ['--enable']]) {
        // One after the other: both leave the cluster in the same state, so both describe the same record.
        const ours = await peers.ucinder([...newest, 'block', 'storage', 'cluster', 'set', ...flags, CLUSTER, '-f', 'json']);
        const theirs = await peers.openstack([...newest, 'block', 'storage', 'cluster', 'set', ...flags, CLUSTER]);
        expect(ours.code, ours.stderr).toBe(0);
        expect(theirs.code).toBe(1);
        expectSameRecord(JSON.parse(ours.stdout), recordFromPythonTuple(theirs.stderr));
        expect(JSON.parse(ours.stdout)).toMatchObject({ Name: CLUSTER, Status: flags[0] === '--enable' ? 'enabled' : 'disabled' });
      }
    } finally {
      expectCleanedUp(await peers.ucinder(['cluster', 'set', '--enable', CLUSTER]), `cluster set --enable ${CLUSTER}`);
    }
  });

  it("ucinder's `cluster list/show` print what `block storage cluster list/show` print", async () => {
    for (const args of [
      ['list', '--long', '-f', 'json', '-c', 'Name', '-c', 'Num Hosts'],
      ['show', CLUSTER, '-f', 'json', '-c', 'Name', '-c', 'Hosts'],
    ]) {
      const [short, full] = await Promise.all([peers.ucinder(['cluster', ...args]), peers.ucinder(['block', 'storage', 'cluster', ...args])]);
      expect(short.code, short.stderr).toBe(0);
      expect(short.stdout).toContain(CLUSTER);
      expect(short.stdout).toBe(full.stdout);
    }
  });
});

/** `(('Name', ...), ('value', None, ...))` as Python prints it: the record it describes. */
function recordFromPythonTuple(text: string): Record<string, unknown> {
  const json = text
    .trim()
    .replace(/'/g, '"')
    .replace(/\bNone\b/g, 'null')
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\(/g, '[')
    .replace(/\)/g, ']');
  const [headers, values] = JSON.parse(json) as [string[], unknown[]];
  return Object.fromEntries(headers.map((header, index) => [header, values[index]]));
}
