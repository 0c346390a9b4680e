import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { csvHeader, expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type Row = Record<string, unknown>;

/**
 * `volume transfer request create/show/list`. openstack speaks 3.0 here
 * (/os-volume-transfer), ucinder the server's newest (/volume-transfers,
 * which adds accepted, no_snapshots and the projects): ucinder prints
 * openstack's keys, in its order, plus those.
 */
describe('parity with openstack: volume transfer request', () => {
  let peers: SideBySide;
  /** One volume per side: a volume has at most one transfer. */
  const volumeIds: string[] = [];
  const transferIds: string[] = [];

  const ucinderOk = async (args: string[]) => {
    const run = await peers.ucinder(args);
    expect(run.code, `ucinder ${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run.stdout.trim();
  };

  beforeAll(async () => {
    peers = sideBySide();
    for (const side of ['ours', 'theirs']) {
      volumeIds.push(await ucinderOk(['volume', 'create', '--size', '1', '--wait', '-f', 'value', '-c', 'id', uniqueName(`par-xfer-${side}`)]));
    }
  });

  afterAll(async () => {
    if (transferIds.length)
      expectCleanedUp(await peers.ucinder(['volume', 'transfer', 'request', 'delete', ...transferIds]), `volume transfer request delete ${transferIds.join(' ')}`);
    if (volumeIds.length) expectCleanedUp(await peers.ucinder(['volume', 'delete', '--wait', ...volumeIds]), `volume delete ${volumeIds.join(' ')}`);
  });

  it("create, show and list print openstack's keys and columns, in its order, with its values", async () => {
    const name = uniqueName('par-xfer');
    const ours = JSON.parse(await ucinderOk(['volume', 'transfer', 'request', 'create', '--name', name, volumeIds[0]!, '-f', 'json'])) as Row;
    transferIds.push(String(ours.id));
    const created = await peers.openstack(['volume', 'transfer', 'request', 'create', '--name', name, volumeIds[1]!, '-f', 'json']);
    expect(created.code, created.stderr).toBe(0);
    const theirs = JSON.parse(created.stdout) as Row;
    transferIds.push(String(theirs.id));
    expectSameRecord(ours, theirs, { ignoreValues: ['auth_key', 'created_at', 'id', 'volume_id'] });

    const shown = await peers.json(['volume', 'transfer', 'request', 'show', String(theirs.id)]);
    expectSameRecord(shown.ours, shown.theirs);
    expect(shown.ours).not.toHaveProperty('auth_key');

    const listed = await peers.json(['volume', 'transfer', 'request', 'list']);
    expectSameListing(listed.ours, listed.theirs, 'ID');
    const csv = await peers.text(['volume', 'transfer', 'request', 'list', '-f', 'csv']);
    expect(csvHeader(csv.ours)).toBe(csvHeader(csv.theirs));
    const table = await peers.text(['volume', 'transfer', 'request', 'show', String(theirs.id), '-c', 'name', '-c', 'volume_id', '-c', 'id']);
    expect(table.ours).toBe(table.theirs);
  });
});
