import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { csvHeader, expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

/** openstack needs the microversion of the messages API spelt out; ucinder negotiates it. */
const OSC_MESSAGES = ['--os-volume-api-version', '3.3'];
/**
 * Before 3.5 openstack's message list silently ignores --limit and --marker
 * (cinderclient drops them), so listings that use them ask for 3.5.
 */
const OSC_PAGED_MESSAGES = ['--os-volume-api-version', '3.5'];

/**
 * `volume message list/show/delete` (ucinder's `message …` under openstack's
 * name). Messages come from volumes of a type whose backend does not exist:
 * the scheduler puts them in error with a user message each.
 */
describe('parity with openstack: volume message', () => {
  let peers: SideBySide;
  const typeName = uniqueName('par-msg-type');
  const volumeIds: string[] = [];
  /** One message per volume, in the order of volumeIds. */
  const messageIds: string[] = [];

  const messageAbout = async (volumeId: string): Promise<string> => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const run = await peers.ucinder(['volume', 'message', 'list', '--resource-id', volumeId, '-f', 'value', '-c', 'ID']);
      expect(run.code, run.stderr).toBe(0);
      if (run.stdout.trim()) return run.stdout.trim();
      if (Date.now() > deadline) throw new Error(`no user message about volume ${volumeId} after 90 s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };

  beforeAll(async () => {
    peers = sideBySide();
    const type = await peers.ucinder(['volume', 'type', 'create', '--property', 'volume_backend_name=no-such-backend', typeName]);
    expect(type.code, type.stderr).toBe(0);
    for (const suffix of ['a', 'b']) {
      const created = await peers.ucinder(['volume', 'create', '--size', '1', '--type', typeName, '-f', 'json', uniqueName(`par-msg-${suffix}`)]);
      expect(created.code, created.stderr).toBe(0);
      volumeIds.push(JSON.parse(created.stdout).id);
    }
    for (const id of volumeIds) messageIds.push(await messageAbout(id));
  });

  afterAll(async () => {
    if (messageIds.length) expectCleanedUp(await peers.ucinder(['volume', 'message', 'delete', ...messageIds]), `volume message delete ${messageIds.join(' ')}`);
    if (volumeIds.length) expectCleanedUp(await peers.ucinder(['volume', 'delete', '--wait', ...volumeIds]), `volume delete ${volumeIds.join(' ')}`);
    expectCleanedUp(await peers.ucinder(['volume', 'type', 'delete', typeName]), `volume type delete ${typeName}`);
  });

  it('volume message list: the same columns in the same order and the same values', async () => {
    const [ours, theirs] = await Promise.all([
      peers.ucinder(['volume', 'message', 'list', '-f', 'json']),
      peers.openstack([...OSC_MESSAGES, 'volume', 'message', 'list', '-f', 'json']),
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
    expectSameListing(JSON.parse(ours.stdout), JSON.parse(theirs.stdout), 'ID');
    expect((JSON.parse(ours.stdout) as { ID: string }[]).map((row) => row.ID)).toEqual(expect.arrayContaining(messageIds));
    const [oursCsv, theirsCsv] = await Promise.all([
      peers.ucinder(['volume', 'message', 'list', '--limit', '1', '-f', 'csv']),
      peers.openstack([...OSC_PAGED_MESSAGES, 'volume', 'message', 'list', '--limit', '1', '-f', 'csv']),
    ]);
    expect(csvHeader(oursCsv.stdout)).toBe(csvHeader(theirsCsv.stdout));
  });

  it("volume message list -f value with -c, --limit, --marker, and ucinder's `message list`, print what openstack prints", async () => {
    const select = ['--limit', '2', '-f', 'value', '-c', 'User Message', '-c', 'Resource UUID', '-c', 'ID', '-c', 'Message Level'];
    const [ours, short, theirs] = await Promise.all([
      peers.ucinder(['volume', 'message', 'list', ...select]),
      peers.ucinder(['message', 'list', ...select]),
      peers.openstack([...OSC_PAGED_MESSAGES, 'volume', 'message', 'list', ...select]),
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.stdout).not.toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(short.stdout).toBe(ours.stdout);
    const after = ['--marker', messageIds[1]!, '--limit', '1', '-f', 'value', '-c', 'ID'];
    const [oursAfter, theirsAfter] = await Promise.all([
      peers.ucinder(['volume', 'message', 'list', ...after]),
      peers.openstack([...OSC_PAGED_MESSAGES, 'volume', 'message', 'list', ...after]),
    ]);
    expect(oursAfter.stdout).not.toBe('');
    expect(oursAfter.stdout).toBe(theirsAfter.stdout);
  });

  it('volume message show: the same keys, in the same order, with the same values; -f value and -f shell too', async () => {
    const id = messageIds[0]!;
    const [ours, theirs] = await Promise.all([
      peers.ucinder(['volume', 'message', 'show', id, '-f', 'json']),
      peers.openstack([...OSC_MESSAGES, 'volume', 'message', 'show', id, '-f', 'json']),
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
    expectSameRecord(JSON.parse(ours.stdout), JSON.parse(theirs.stdout));
    for (const format of [
      ['-f', 'value'],
      ['-f', 'shell', '--prefix', 'm_'],
    ]) {
      const select = [...format, '-c', 'user_message', '-c', 'resource_uuid', '-c', 'event_id'];
      const [mine, their] = await Promise.all([
        peers.ucinder(['volume', 'message', 'show', id, ...select]),
        peers.openstack([...OSC_MESSAGES, 'volume', 'message', 'show', id, ...select]),
      ]);
      expect(mine.stdout, format.join(' ')).toBe(their.stdout);
    }
  });

  it('volume message delete: both silent on success, both fail (exit 1) on a missing message', async () => {
    const [first, second] = messageIds;
    const theirs = await peers.openstack([...OSC_MESSAGES, 'volume', 'message', 'delete', first!]);
    expect({ code: theirs.code, stdout: theirs.stdout, stderr: theirs.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const ours = await peers.ucinder(['volume', 'message', 'delete', second!]);
    expect({ code: ours.code, stdout: ours.stdout, stderr: ours.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const missing = await Promise.all([peers.ucinder(['volume', 'message', 'delete', first!]), peers.openstack([...OSC_MESSAGES, 'volume', 'message', 'delete', first!])]);
    expect(missing.map((run) => run.code)).toEqual([1, 1]);
  });
});
