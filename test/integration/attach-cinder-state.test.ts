import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.js';
import { privateHome, ucinderWith } from '../support/ucinder-process.js';
import { installFakeTools, releaseFakeTools } from './helpers/attach-fake-tools.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * `connect --attach` and the attachments API against the real Cinder: what
 * Cinder records (status, attachments, host) at each step of the flow.
 *
 * The host side is the fake `rbd` of helpers/fake-host-tools.cjs: `map` puts
 * a loop device behind the udev link /dev/rbd/<pool>/<image> and `unmap`
 * takes it away, so `connect` finds a real block device (this machine has no
 * kernel RBD; tests run as root).
 * Each test has its own volume, connection cache and fake tools; the rbd
 * volume type is shared, read-only setup.
 */
describe('attach flow: what Cinder records with --attach and the attachments API', () => {
  const { env: base, newVolume } = testbedSession();
  const [rbdType] = typesPinnedTo(base, 'it-attach-state', ['mmj2']);

  afterEach(releaseFakeTools);

  /** A private state directory and the fake host tools (their rbd maps a loop device behind /dev/rbd/<pool>/<image>). */
  function rbdHost() {
    const home = privateHome();
    const tools = installFakeTools();
    const stateDir = join(home.HOME, 'state');
    const env = { ...base, ...home, UCINDER_STATE_DIR: stateDir, PATH: tools.path };
    const { cli, json } = ucinderWith(env);
    const volumeStatus = async (id: string) => (await json('volume', 'show', id)).status as string;
    return { tools, cli, json, volumeStatus, stateDir };
  }

  async function newRbdVolume(prefix: string): Promise<{ id: string; name: string }> {
    return newVolume(prefix, '--type', rbdType!);
  }

  it('legacy: connect --attach makes the volume in-use on this host; disconnect detaches it; term-connect leaves it available', async () => {
    const { tools, cli, json, volumeStatus } = rbdHost();
    const volume = await newRbdVolume('it-attach-legacy');
    await json('init-connect', volume.name, '--host', 'it-host-legacy');
    expect(await volumeStatus(volume.id)).toBe('available'); // os-initialize_connection alone changes nothing

    const connected = await json('connect', volume.name, '--attach');
    expect(connected.device).toBe(`/dev/rbd/volumes/volume-${volume.id}`);
    expect(existsSync(connected.device)).toBe(true);
    const inUse = await json('volume', 'show', volume.id);
    expect(inUse.status).toBe('in-use');
    expect(inUse.attachments).toHaveLength(1);
    expect(inUse.attachments[0]).toMatchObject({ host_name: 'it-host-legacy', device: connected.device, volume_id: volume.id });
    expect(tools.calls().filter((call) => call[0] === 'rbd' && call[1] === 'map')).toContainEqual(
      expect.arrayContaining(['rbd', 'map', `volume-${volume.id}`, '--pool', 'volumes']),
    );

    const disconnected = await cli('disconnect', volume.name);
    expect(disconnected.code, disconnected.stderr).toBe(0);
    expect(existsSync(connected.device)).toBe(false);
    const detached = await json('volume', 'show', volume.id);
    expect(detached.status).toBe('available');
    expect(detached.attachments).toEqual([]);

    expect((await cli('term-connect', volume.name)).code).toBe(0);
    expect(await volumeStatus(volume.id)).toBe('available');
  });

  it('attachments API: init-connect reserves, connect --attach completes (in-use), term-connect deletes the attachment', async () => {
    const { cli, json, volumeStatus } = rbdHost();
    const volume = await newRbdVolume('it-attach-api');
    const initialized = await json('init-connect', volume.name, '--attachments-api', '--host', 'it-host-api');
    expect(initialized.driver_volume_type).toBe('rbd');
    expect(initialized.data.name).toBe(`volumes/volume-${volume.id}`);
    const cached = await json('connection', 'show', volume.name);
    expect(cached.api).toBe('attachments');
    expect(cached.attachment_id).toMatch(/^[0-9a-f-]{36}$/);
    // Cinder holds the volume for this host from now on.
    const reserved = await json('volume', 'show', volume.id);
    expect(['reserved', 'attaching']).toContain(reserved.status);

    await json('connect', volume.name, '--attach');
    const inUse = await json('volume', 'show', volume.id);
    expect(inUse.status).toBe('in-use');
    expect(inUse.attachments).toHaveLength(1);
    expect(inUse.attachments[0].host_name).toBe('it-host-api');

    expect((await cli('disconnect', volume.name)).code).toBe(0);
    const termed = await cli('term-connect', volume.name);
    expect(termed.code, termed.stderr).toBe(0);
    expect(
      await pollUntil(
        () => volumeStatus(volume.id),
        (status) => status === 'available',
      ),
    ).toBe('available');
    expect((await json('volume', 'show', volume.id)).attachments).toEqual([]);
    const gone = await cli('connection', 'show', volume.name);
    expect(gone.code).toBe(1);
  });

  it("term-connect --force with the cache lost: finds this host's attachment from Cinder and deletes it", async () => {
    const { cli, json, volumeStatus, stateDir } = rbdHost();
    const volume = await newRbdVolume('it-attach-lost');
    await json('init-connect', volume.name, '--attachments-api');
    await json('connect', volume.name, '--attach');
    expect((await cli('disconnect', volume.name)).code).toBe(0);
    const { attachment_id: attachmentId } = await json('connection', 'show', volume.name);
    rmSync(join(stateDir, 'connections'), { recursive: true });

    const refused = await cli('term-connect', volume.name);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('run `ucinder init-connect');
    const forced = await cli('term-connect', volume.name, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toBe(`Terminated the connection of volume '${volume.name}': nothing was cached, so deleted this host's attachment ${attachmentId}\n`);
    expect(
      await pollUntil(
        () => volumeStatus(volume.id),
        (status) => status === 'available',
      ),
    ).toBe('available');
    expect((await json('volume', 'attachment', 'list', '--volume-id', volume.id)).map((row: { ID: string }) => row.ID)).not.toContain(attachmentId);
  });
});
