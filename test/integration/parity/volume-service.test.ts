import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../helpers/ucinder.js';
import { uniqueName } from '../helpers/ucinder.js';
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

  afterAll(async () => {
    // Whatever a failed test left behind: other tests need these services enabled and thawed.
    await peers.ucinder(['volume', 'host', 'set', '--enable', 'node1@mmj2']);
    await peers.ucinder(['volume', 'service', 'set', '--enable', 'node1', 'cinder-scheduler']);
  });

  it('volume service list and --long: the same columns in the same order and the same values', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await peers.json(['volume', 'service', 'list', ...long]);
      expectSameListing(ours, theirs, 'Host', { ignoreValues: MOVING });
      const csv = await peers.text(['volume', 'service', 'list', ...long, '-f', 'csv']);
      expect(csvHeader(csv.ours).startsWith(csvHeader(csv.theirs)), csv.ours).toBe(true);
    }
    // ucinder's own column comes after openstack's.
    const { ours } = await peers.json(['volume', 'service', 'list', '--long', '--service', 'cinder-volume']);
    expect(Object.keys((ours as Record<string, unknown>[])[0]!).at(-1)).toBe('Cluster');
  });

  it('volume service list --host --service, and -f value / -f csv with -c, print what openstack prints', async () => {
    const filtered = await peers.json(['volume', 'service', 'list', '--host', 'node1@mmj', '--service', 'cinder-volume', '--long']);
    expect(filtered.ours).toHaveLength(1);
    expectSameListing(filtered.ours, filtered.theirs, 'Host', { ignoreValues: MOVING });
    // One host only: other tests may change other services between the two reads.
    for (const format of ['value', 'csv']) {
      const selected = await peers.text(['volume', 'service', 'list', '--long', '--host', 'node1@mmj', '-f', format, '-c', 'Disabled Reason', '-c', 'Host', '-c', 'Status', '-c', 'Binary']);
      expect(selected.ours).toBe(selected.theirs);
    }
  });

  it('the seed\'s shortcut `service list` prints what `volume service list` prints', async () => {
    const args = ['list', '--long', '-f', 'value', '-c', 'Binary', '-c', 'Host', '-c', 'Zone', '-c', 'Status', '-c', 'Disabled Reason', '-c', 'Cluster', '--sort-column', 'Host'];
    const [short, full] = await Promise.all([peers.ucinder(['service', ...args]), peers.ucinder(['volume', 'service', ...args])]);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout).not.toBe('');
    expect(short.stdout).toBe(full.stdout);
  });

  it('volume service set: each tool undoes what the other did, both silent; --disable-reason without --disable fails in both', async () => {
    // The scheduler: Cinder keeps scheduling through a disabled scheduler, so other tests are unaffected.
    const reason = uniqueName('par-sset');
    const service = async () => {
      const { ours } = await peers.json(['volume', 'service', 'list', '--long', '--host', 'node1', '--service', 'cinder-scheduler']);
      return (ours as Record<string, unknown>[])[0]!;
    };
    try {
      expectSilentSuccess(await peers.openstack(['volume', 'service', 'set', '--disable', '--disable-reason', reason, 'node1', 'cinder-scheduler']), 'openstack --disable');
      expect(await service()).toMatchObject({ Status: 'disabled', 'Disabled Reason': reason });
      expectSilentSuccess(await peers.ucinder(['volume', 'service', 'set', '--enable', 'node1', 'cinder-scheduler']), 'ucinder --enable');
      expect(await service()).toMatchObject({ Status: 'enabled' });
      expectSilentSuccess(await peers.ucinder(['volume', 'service', 'set', '--disable', 'node1', 'cinder-scheduler']), 'ucinder --disable');
      expect(await service()).toMatchObject({ Status: 'disabled' });
      expectSilentSuccess(await peers.openstack(['volume', 'service', 'set', '--enable', 'node1', 'cinder-scheduler']), 'openstack --enable');
      expect(await service()).toMatchObject({ Status: 'enabled' });
    } finally {
      await peers.ucinder(['volume', 'service', 'set', '--enable', 'node1', 'cinder-scheduler']);
    }
    const misuse = ['volume', 'service', 'set', '--enable', '--disable-reason', reason, 'node1', 'cinder-scheduler'];
    const [ours, theirs] = await Promise.all([peers.ucinder(misuse), peers.openstack(misuse)]);
    expect(theirs.code, theirs.stderr).not.toBe(0);
    expect(ours.code, ours.stderr).not.toBe(0);
  });

  it('volume host set: openstack freezes and ucinder thaws, then the other way round, both silent', async () => {
    const host = 'node1@mmj2';
    const service = async () => {
      const { ours } = await peers.json(['volume', 'service', 'list', '--long', '--host', host, '--service', 'cinder-volume']);
      return (ours as Record<string, unknown>[])[0]!;
    };
    try {
      expectSilentSuccess(await peers.openstack(['volume', 'host', 'set', '--disable', host]), 'openstack --disable');
      expect(await service()).toMatchObject({ Status: 'disabled', 'Disabled Reason': 'frozen' });
      expectSilentSuccess(await peers.ucinder(['volume', 'host', 'set', '--enable', host]), 'ucinder --enable');
      expect(await service()).toMatchObject({ Status: 'enabled' });
      expectSilentSuccess(await peers.ucinder(['volume', 'host', 'set', '--disable', host]), 'ucinder --disable');
      expect(await service()).toMatchObject({ Status: 'disabled', 'Disabled Reason': 'frozen' });
      expectSilentSuccess(await peers.openstack(['volume', 'host', 'set', '--enable', host]), 'openstack --enable');
      expect(await service()).toMatchObject({ Status: 'enabled' });
    } finally {
      await peers.ucinder(['volume', 'host', 'set', '--enable', host]);
    }
  });
});
