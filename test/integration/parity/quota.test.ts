import { beforeAll, describe, expect, it } from 'vitest';
import { keystonePeers, startKeystone } from './cloud-peers.js';
import { expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type QuotaRecord = Record<string, unknown>;

/** The volume type of a per-type key (volumes_<type>, gigabytes_<type>, snapshots_<type>). */
function typeOf(key: string): string | undefined {
  return /^(?:volumes|gigabytes|snapshots)_(.+)$/.exec(key)?.[1];
}

/**
 * Cinder adds per-type keys for every volume type, and other tests create and
 * delete types while this one runs: keys of a type only one of the two reads
 * saw are dropped from both. Every other key is compared.
 */
function sharedTypesOnly(ours: QuotaRecord, theirs: QuotaRecord): { ours: QuotaRecord; theirs: QuotaRecord } {
  const types = (record: QuotaRecord) =>
    new Set(
      Object.keys(record)
        .map(typeOf)
        .filter((type) => type !== undefined),
    );
  const both = new Set([...types(ours)].filter((type) => types(theirs).has(type)));
  const keep = (record: QuotaRecord) => Object.fromEntries(Object.entries(record).filter(([key]) => typeOf(key) === undefined || both.has(typeOf(key)!)));
  return { ours: keep(ours), theirs: keep(theirs) };
}

/**
 * `openstack quota show` needs Keystone (it names the project through the
 * identity service), so both run as the test bed's Keystone user against
 * the Keystone-guarded cinder-api.
 */
describe('parity with openstack: quota show', () => {
  let peers: SideBySide;

  beforeAll(() => {
    startKeystone();
    peers = sideBySide(keystonePeers());
  }, 900_000);

  it("quota show: one record with openstack's keys (volumes, per-volume-gigabytes, …, project, project_name), order and values", async () => {
    const { ours, theirs } = await peers.json(['quota', 'show']);
    const shared = sharedTypesOnly(ours as QuotaRecord, theirs as QuotaRecord);
    expect(Object.keys(shared.theirs)).toEqual(expect.arrayContaining(['volumes', 'per-volume-gigabytes', 'backup-gigabytes', 'volumes___DEFAULT__', 'project', 'project_name']));
    expectSameRecord(shared.ours, shared.theirs);
  });

  it('quota show PROJECT-ID and --default print what openstack prints', async () => {
    const own = await peers.ucinder(['quota', 'show', '-f', 'value', '-c', 'project']);
    const project = own.stdout.trim();
    expect(project, own.stderr).toMatch(/^[0-9a-f]{32}$/);
    for (const args of [[project], ['--default', project]]) {
      const { ours, theirs } = await peers.json(['quota', 'show', ...args]);
      const shared = sharedTypesOnly(ours as QuotaRecord, theirs as QuotaRecord);
      expectSameRecord(shared.ours, shared.theirs);
    }
  });

  it('quota show -f value -c volumes -c gigabytes, and -f shell, print what openstack prints', async () => {
    const value = await peers.text(['quota', 'show', '-f', 'value', '-c', 'volumes', '-c', 'gigabytes', '-c', 'project_name']);
    expect(value.ours).toBe(value.theirs);
    const shell = await peers.text(['quota', 'show', '-f', 'shell', '--prefix', 'q_', '-c', 'per-volume-gigabytes', '-c', 'volumes', '-c', 'project']);
    expect(shell.ours).toBe(shell.theirs);
  });
});
