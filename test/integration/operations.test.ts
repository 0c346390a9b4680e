import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { expectCleanedUp } from '../support/cleanup.js';
import { testbedSession } from './helpers/cinder-fixtures.js';
import { ucinder } from '../support/ucinder-process.js';

/**
 * The operator's commands (status, cleanup, service and cluster removal) on the shared test bed: `status`
 * finding a stuck volume and a stale attachment (by their IDs: other tests
 * may leave problems of their own on the bed, so no test here needs a clean
 * one), attachments from create to delete, migration-status resets, and log
 * levels changed on a running volume service and put back.
 */
type Row = Record<string, string | null>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A server ID for the attachments: the test bed's fake Nova knows no server (404 for all), like a deleted instance. */
const serverId = () => {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

describe('operations on the real Cinder: status, attachments, migration reset, log levels', () => {
  const { env, cli, json, newVolume } = testbedSession();

  /** `status -f json` and its exit code; the rows about `id` only. */
  async function statusAbout(id: string, ...args: string[]) {
    const run = await cli('status', '-f', 'json', ...args);
    expect(run.stderr, run.stderr).not.toMatch(/unexpected error|Traceback/);
    const rows = JSON.parse(run.stdout) as Row[];
    return { code: run.code, stderr: run.stderr, rows: rows.filter((row) => row.ID === id) };
  }

  it('status --check exits 1 and names a volume stuck in creating, with the command that fixes it; clean again after the reset', async () => {
    const { id, name } = await newVolume('it-ops-stuck');
    expect((await cli('volume', 'set', '--state', 'creating', id)).code).toBe(0);
    await sleep(1500);
    const stuck = await statusAbout(id, '--stuck-after', '1s', '--check');
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toMatch(/^ucinder: HEALTH_ERR: \d+ errors?.*\(stuck after 1s, pools above 90%, this project\)$/m);
    expect(stuck.rows).toEqual([
      expect.objectContaining({
        Severity: 'error',
        Check: 'volume-stuck',
        Resource: 'volume',
        Name: name,
        Fix: `ucinder volume set --state error ${id}; then ucinder volume delete ${id}`,
      }),
    ]);
    expect(stuck.rows[0]!.Problem).toMatch(/^volume stuck in creating for \d+s on node1@mmj2?$/);
    // Younger than the default 10 minutes: not stuck yet.
    expect((await statusAbout(id)).rows).toEqual([]);
    expect((await cli('volume', 'set', '--state', 'available', id)).code).toBe(0);
    expect((await statusAbout(id, '--stuck-after', '1s')).rows).toEqual([]);
  });

  it('status in a project of its own (noauth: any project ID) finds no volume, snapshot, backup or attachment problem', async () => {
    const project = randomBytes(16).toString('hex');
    // The test bed's noauth token names the project.
    const run = await ucinder(['status', '--stuck-after', '1s', '-f', 'json'], { ...env, OS_PROJECT_ID: project, OS_TOKEN: `admin:${project}` });
    expect(run.code, run.stderr).toBe(0);
    // Every check ran (a refused optional one would say "not checked").
    expect(run.stderr).not.toContain('not checked');
    const rows = JSON.parse(run.stdout) as Row[];
    // Services, clusters and pools are the whole cloud's: whatever other tests do to them may show.
    expect(rows.filter((row) => !['service', 'cluster', 'pool'].includes(row.Resource!))).toEqual([]);
    expect(run.stderr).toMatch(/^HEALTH_(OK|WARN|ERR): .*\(stuck after 1s, pools above 90%, this project\)$/m);
  });

  it('a reserved attachment left behind shows in status as stale and in attachment list --long; deleted by ID, the volume is available again', async () => {
    const { id } = await newVolume('it-ops-stale');
    const server = serverId();
    const attachment = await json('volume', 'attachment', 'create', id, server);
    expect(attachment).toMatchObject({ 'Volume ID': id, 'Instance ID': server, Status: 'reserved' });
    const attachmentId = attachment.ID as string;
    const listed = await json('volume', 'attachment', 'list', '--volume', id, '--long');
    expect(listed).toEqual([expect.objectContaining({ ID: attachmentId, 'Server ID': server, Status: 'reserved', 'Volume Status': 'reserved' })]);
    await sleep(1500);
    const stale = await statusAbout(attachmentId, '--stuck-after', '1s', '--check');
    expect(stale.code).toBe(1);
    expect(stale.rows).toEqual([expect.objectContaining({ Check: 'attachment-stale', Resource: 'attachment', Fix: `ucinder volume attachment delete ${attachmentId}` })]);
    // The stuck volume points at the same fix.
    expect((await statusAbout(id, '--stuck-after', '1s')).rows).toEqual([
      expect.objectContaining({ Check: 'volume-stuck', Fix: `ucinder volume attachment delete ${attachmentId}` }),
    ]);
    const deleted = await cli('volume', 'attachment', 'delete', attachmentId);
    expect({ code: deleted.code, stdout: deleted.stdout, stderr: deleted.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await json('volume', 'attachment', 'list', '--volume', id)).toEqual([]);
    expect((await json('volume', 'show', id)).status).toBe('available');
    expect((await statusAbout(attachmentId, '--stuck-after', '1s')).rows).toEqual([]);
    const again = await cli('volume', 'attachment', 'delete', attachmentId);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Volume attachment could not be found');
  });

  it('attachment create --connect, set, complete, show; delete asks the (fake) Nova and removes it', async () => {
    const { id } = await newVolume('it-ops-attach');
    const server = serverId();
    const connector = ['--host', 'it-ops-compute', '--ip', '127.0.0.1', '--initiator', 'iqn.2004-10.org.debian:it-ops'];
    const reserved = await json('volume', 'attachment', 'create', id, server);
    const updated = await json('volume', 'attachment', 'set', ...connector, reserved.ID);
    // Reserved: no connection yet; with the connector the backend exported the
    // volume (the test driver's protocol depends on the backend the volume landed on).
    expect(reserved.Properties).toEqual({});
    expect(updated.ID).toBe(reserved.ID);
    expect(updated.Properties.driver_volume_type).toMatch(/^(iscsi|rbd|fibre_channel|nvmeof)$/);
    expect((await cli('volume', 'attachment', 'complete', reserved.ID)).code).toBe(0);
    expect(await json('volume', 'attachment', 'show', reserved.ID)).toMatchObject({ Status: 'attached', 'Attach Mode': 'rw' });
    expect((await json('volume', 'show', id)).status).toBe('in-use');
    const [long] = await json('volume', 'attachment', 'list', '--volume', id, '--long');
    expect(long).toMatchObject({ ID: reserved.ID, Host: 'it-ops-compute', 'Volume Status': 'in-use' });
    expect((await cli('volume', 'attachment', 'delete', reserved.ID)).code).toBe(0);
    expect((await json('volume', 'show', id)).status).toBe('available');

    const connected = await json('volume', 'attachment', 'create', '--connect', ...connector, '--mode', 'ro', id, serverId());
    expect(connected).toMatchObject({ 'Attach Mode': 'ro' });
    expect(connected.Properties.driver_volume_type).toBe(updated.Properties.driver_volume_type);
    expect((await cli('volume', 'attachment', 'delete', connected.ID)).code).toBe(0);
  });

  it("volume set --migration-status resets a failed migration; migrate --cluster to an unknown cluster gets Cinder's one-line error", async () => {
    const { id } = await newVolume('it-ops-mig');
    expect((await cli('volume', 'set', '--migration-status', 'error', id)).code).toBe(0);
    expect((await json('volume', 'show', '--raw', id)).migration_status).toBe('error');
    expect((await cli('volume', 'set', '--migration-status', 'none', id)).code).toBe(0);
    expect((await json('volume', 'show', '--raw', id)).migration_status).toBeNull();
    const migrate = await cli('volume', 'migrate', '--cluster', 'it-ops-nosuch@x#y', id);
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toMatch(/^ucinder: Invalid host: No available service named 'it-ops-nosuch@x#y' \(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
  });

  describe('log levels of a running cinder-volume', () => {
    const target = ['--host', 'node1@mmj', '--service', 'cinder-volume', '--log-prefix', 'cinder.volume'];
    const levelOf = async () => {
      const rows = (await json('block', 'storage', 'log', 'level', 'list', ...target)) as Row[];
      // Loggers exist by module: cinder.volume.manager is one every volume service has.
      return rows.find((row) => row.Prefix === 'cinder.volume.manager')?.Level;
    };
    /** The set goes to the service over RPC (a cast): it lands a moment later. */
    const waitForLevel = async (level: string) => {
      for (let attempt = 0; attempt < 40 && (await levelOf()) !== level; attempt++) await sleep(250);
      return levelOf();
    };
    let original: string | null | undefined;
    afterAll(async () => {
      if (original) expectCleanedUp(await cli('block', 'storage', 'log', 'level', 'set', original, ...target), `log level set ${original}`);
    });

    it('set cinder.volume to DEBUG on node1@mmj, read it back, set it back', async () => {
      original = await levelOf();
      expect(original).toMatch(/^(DEBUG|INFO|WARNING|ERROR)$/);
      expect((await cli('block', 'storage', 'log', 'level', 'set', 'debug', ...target)).code).toBe(0);
      expect(await waitForLevel('DEBUG')).toBe('DEBUG');
      // Only the loggers under the prefix, only this host.
      const rows = (await json('block', 'storage', 'log', 'level', 'list', ...target)) as Row[];
      expect(rows.every((row) => row.Host === 'node1@mmj' && row.Binary === 'cinder-volume' && row.Prefix!.startsWith('cinder.volume'))).toBe(true);
      expect((await cli('block', 'storage', 'log', 'level', 'set', 'INFO', ...target)).code).toBe(0);
      expect(await waitForLevel('INFO')).toBe('INFO');
    });

    it('a level that does not exist, or an unknown service: exit 2, nothing sent', async () => {
      for (const args of [
        ['set', 'LOUD', ...target],
        ['list', '--service', 'nova-compute'],
      ]) {
        const run = await cli('--debug', 'block', 'storage', 'log', 'level', ...args);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr).not.toContain('REQ:');
      }
    });
  });
});
