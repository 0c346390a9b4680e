import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateHome, ucinder, ucinderWith, uniqueName, type Run } from '../support/ucinder-process.js';
import { installFakeTools, releaseFakeTools } from './helpers/attach-fake-tools.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * Surviving reboots and drift, against the real Cinder: `connect --all` /
 * `disconnect --all` (what ucinder-connections.service runs) and `connection
 * check [--fix]`. The host is the stateful fake iscsiadm/rbd of
 * helpers/fake-host-tools.cjs: logins and maps put loop devices behind the
 * udev links, and a "reboot" drops every session and map (their data, the
 * backing files, stays, as on the storage). Each test has its own volumes,
 * cache, fake host and a host name of its own (--host), so Cinder's
 * attachments of other tests never count as this host's.
 */
// Each scenario is a dozen ucinder runs and volume creations: minutes on a loaded machine.
describe('host recovery: connect --all after a reboot, connection check', { timeout: 300_000 }, () => {
  const { env: base, json: adminJson, newVolume } = testbedSession();
  const [iscsiType, rbdType] = typesPinnedTo(base, 'it-recover', ['mmj', 'mmj2']) as [string, string];
  afterEach(releaseFakeTools);

  function attachHost() {
    const home = privateHome();
    const stateDir = join(home.HOME, 'state');
    const tools = installFakeTools();
    const hostName = uniqueName('it-recover-host');
    const env: Record<string, string> = { ...base, ...home, UCINDER_STATE_DIR: stateDir, PATH: tools.path };
    const { cli, json } = ucinderWith(env);
    const cacheFile = (name: string) => {
      const file = readdirSync(join(stateDir, 'connections')).find((entry) => entry.startsWith(`${name}.`) && entry.endsWith('.ini'));
      return file ? join(stateDir, 'connections', file) : undefined;
    };
    /** `connection check -f json` for this host; its rows and exit code. */
    const check = async (...args: string[]) => {
      const run = await cli('connection', 'check', '--host', hostName, '-f', 'json', ...args);
      return { ...run, rows: run.stdout ? (JSON.parse(run.stdout) as Record<string, string>[]) : [] };
    };
    /** A new volume of `type`, init-connected (as this host) and connected. */
    const connected = async (type: string, prefix: string, ...flags: string[]) => {
      const volume = await newVolume(prefix, '--type', type);
      await json('init-connect', volume.name, '--host', hostName, ...flags.filter((flag) => flag !== '--attach'));
      const device = await succeeded(cli('connect', volume.name, ...flags.filter((flag) => flag === '--attach'), '-f', 'json'));
      return { ...volume, device: device.device as string, paths: device.paths as string[] };
    };
    return { env, stateDir, tools, hostName, cli, json, cacheFile, check, connected };
  }

  /**
   * The parsed JSON of a run that must succeed. Not `json()`: without
   * device-mapper here, a multipath connect warns that no multipath map
   * holds its paths (and goes on with one path), which json() counts as an error.
   */
  async function succeeded(running: Promise<Run>) {
    const run = await running;
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  }

  /** Writes `text` at the start of a block device (through its udev link). */
  function writeMarker(device: string, text: string): void {
    const fd = openSync(device, 'r+');
    try {
      writeSync(fd, Buffer.from(text));
    } finally {
      closeSync(fd);
    }
  }

  /** The first `length` bytes of a block device. */
  function readMarker(device: string, length: number): string {
    const buffer = Buffer.alloc(length);
    const fd = openSync(device, 'r');
    try {
      readSync(fd, buffer, 0, length, 0);
    } finally {
      closeSync(fd);
    }
    return buffer.toString();
  }

  function loopDevices(): string {
    return execFileSync('losetup', ['-a'], { encoding: 'utf8' });
  }

  const checks = (rows: Record<string, string>[]) => rows.map((row) => [row.Check, row.Name]);

  it('ucinder-connections.service passes systemd-analyze verify; its ExecStart/ExecStop are connect --all / disconnect --all under /var/lib/ucinder', () => {
    const unitFile = join(import.meta.dirname, '../../packaging/systemd/ucinder-connections.service');
    const unit = readFileSync(unitFile, 'utf8');
    const directive = (name: string) => [...unit.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((match) => match[1]!.trim());
    expect(directive('Type')).toEqual(['oneshot']);
    expect(directive('RemainAfterExit')).toEqual(['yes']);
    expect(directive('After').join(' ').split(/\s+/)).toEqual(expect.arrayContaining(['network-online.target', 'iscsid.service']));
    expect(directive('Before')).toEqual(['remote-fs-pre.target']);
    expect(directive('ExecStart')).toEqual(['/usr/bin/ucinder --state-dir /var/lib/ucinder connect --all']);
    expect(directive('ExecStop')).toEqual(['/usr/bin/ucinder --state-dir /var/lib/ucinder disconnect --all']);

    // systemd-analyze works without systemd as PID 1, on a root of its own:
    // the distribution's units (network-online.target, remote-fs-pre.target,
    // iscsid.service) and an executable where ExecStart points.
    const root = privateHome().HOME;
    execFileSync('mkdir', ['-p', join(root, 'usr/bin'), join(root, 'usr/lib/systemd'), join(root, 'etc/systemd/system')]);
    execFileSync('cp', ['-a', '/usr/lib/systemd/system', join(root, 'usr/lib/systemd/')]);
    execFileSync('cp', [join(import.meta.dirname, '../../bin/ucinder'), join(root, 'usr/bin/ucinder')]);
    execFileSync('cp', [unitFile, join(root, 'etc/systemd/system/')]);
    const verify = (unitName: string) => {
      const run = spawnSync('systemd-analyze', ['verify', `--root=${root}`, unitName], { encoding: 'utf8' });
      expect(run.error, "systemd-analyze comes with Debian's systemd package (the test bed installs it)").toBeUndefined();
      return { code: run.status, stderr: run.stderr };
    };
    expect(verify('ucinder-connections.service')).toEqual({ code: 0, stderr: '' });
    // The check can fail: a unit with a bad setting does.
    execFileSync('sh', [
      '-c',
      `sed 's/^Type=oneshot/Type=sometimes/; s|^ExecStart=/usr/bin/|ExecStart=usr/bin/|' '${unitFile}' > '${join(root, 'etc/systemd/system/broken.service')}'`,
    ]);
    const broken = verify('broken.service');
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('Neither a valid executable name nor an absolute path');
  });

  it("reboot, then connect --all (the unit's ExecStart) restores every device with its data; one bad entry never blocks the others", async () => {
    const host = attachHost();
    const iscsi = await host.connected(iscsiType, 'it-recover-iscsi');
    const multipath = await host.connected(iscsiType, 'it-recover-mpath', '--multipath');
    const rbd = await host.connected(rbdType, 'it-recover-rbd');
    const initializedOnly = await newVolume('it-recover-init', '--type', rbdType);
    await host.json('init-connect', initializedOnly.name, '--host', host.hostName);
    expect(multipath.paths).toHaveLength(2);
    for (const volume of [iscsi, rbd]) writeMarker(volume.device, `ucinder ${volume.id}`);

    host.tools.reboot();
    for (const volume of [iscsi, multipath, rbd]) expect(existsSync(volume.device), volume.device).toBe(false);
    expect(host.tools.state().sessions).toEqual([]);

    // ExecStart as the unit has it, on this test's state directory instead of /var/lib/ucinder.
    const execStart = ['--state-dir', host.stateDir, 'connect', '--all', '-f', 'json'];
    const started = await ucinder(execStart, host.env);
    expect(started.code, started.stderr).toBe(0);
    const rows = JSON.parse(started.stdout) as Record<string, string>[];
    const resultOf = (name: string) => rows.find((row) => row.Name === name)?.Result;
    expect(resultOf(iscsi.name)).toBe('connected');
    expect(resultOf(multipath.name)).toBe('connected');
    expect(resultOf(rbd.name)).toBe('connected');
    expect(resultOf(initializedOnly.name)).toBe('skipped: not connected before (init-connect only)');
    for (const volume of [iscsi, multipath, rbd]) expect(existsSync(volume.device), volume.device).toBe(true);
    for (const path of multipath.paths) expect(existsSync(path), path).toBe(true);
    for (const volume of [iscsi, rbd]) expect(readMarker(volume.device, 44)).toBe(`ucinder ${volume.id}`);

    // Again: all there, nothing to do.
    const again = await succeeded(host.cli('connect', '--all', '-f', 'json'));
    expect(again.map((row: Record<string, string>) => row.Result).sort()).toEqual([
      'already connected',
      'already connected',
      'already connected',
      'skipped: not connected before (init-connect only)',
    ]);
    expect((await host.check('--check')).code).toBe(0);

    // A damaged entry fails on its own line; every other volume still comes back.
    host.tools.reboot();
    const broken = host.cacheFile(iscsi.name)!;
    execFileSync('sed', ['-i', 's/^driver_volume_type = iscsi$/driver_volume_type = fibre_channel/', broken]);
    const partial = await host.cli('connect', '--all', '-f', 'value', '-c', 'Name', '-c', 'Result');
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('ucinder: 1 of 4 connections failed to connect');
    expect(partial.stdout).toContain(`${iscsi.name} failed: driver_volume_type 'fibre_channel' is not supported by ucinder on the host`);
    expect(partial.stdout).toContain(`${rbd.name} connected`);
    expect(partial.stdout).toContain(`${multipath.name} connected`);
    execFileSync('sed', ['-i', 's/^driver_volume_type = fibre_channel$/driver_volume_type = iscsi/', broken]);

    // Shutdown (ExecStop): the host side goes, the entries stay marked for the next boot.
    const stopped = await host.json('--state-dir', host.stateDir, 'disconnect', '--all');
    expect(stopped.map((row: Record<string, string>) => row.Result).sort()).toEqual(['disconnected', 'disconnected', 'disconnected', 'skipped: not connected']);
    expect(host.tools.state().sessions).toEqual([]);
    expect(host.tools.state().maps).toEqual([]);
    const states = await host.json('connection', 'list');
    expect(states.map((row: Record<string, string>) => row.State).sort()).toEqual(['initialized', 'stopped', 'stopped', 'stopped']);
    const booted = await succeeded(host.cli('connect', '--all', '-f', 'json'));
    expect(booted.filter((row: Record<string, string>) => row.Result === 'connected')).toHaveLength(3);
    expect(readMarker(iscsi.device, 44)).toBe(`ucinder ${iscsi.id}`);

    for (const volume of [iscsi, multipath, rbd]) expect((await host.cli('disconnect', volume.name)).code).toBe(0);
    expect(loopDevices()).not.toContain(host.tools.dir);
    // Some 25 ucinder runs: minutes when the machine is busy.
  }, 600_000);

  it('--check exits 1 after a reboot, --fix reconnects (saying so), then --check exits 0', async () => {
    const host = attachHost();
    const rbd = await host.connected(rbdType, 'it-recover-chk');
    expect((await host.check('--check')).code).toBe(0);
    host.tools.reboot();

    const found = await host.check('--check');
    expect(found.code).toBe(1);
    expect(found.stderr).toBe('ucinder: 1 finding\n');
    expect(found.rows).toEqual([
      {
        Check: 'device-missing',
        Volume: rbd.id,
        Name: rbd.name,
        Protocol: 'rbd',
        Target: `volumes/volume-${rbd.id}`,
        Device: rbd.device,
        Problem: 'cached as connected, but its device is gone (a reboot?)',
        Fix: `ucinder connect ${rbd.name}`,
        Repair: 'safe',
        Result: '',
      },
    ]);
    const fixed = await host.check('--fix');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toBe('1 finding: 1 fixed\n');
    expect(fixed.rows.map((row) => row.Result)).toEqual([`fixed: connected at ${rbd.device}`]);
    expect(existsSync(rbd.device)).toBe(true);
    const clean = await host.check('--check');
    expect(clean.code).toBe(0);
    expect(clean.rows).toEqual([]);
    expect(clean.stderr).toMatch(/^OK: the cache, this host and Cinder agree \(1 cached connection, 1 Cinder volume attached here\)\n$/);
    expect((await host.cli('disconnect', rbd.name)).code).toBe(0);
  });

  it('a deleted cache file: check finds the session, --fix rebuilds the entry from Cinder (the same export for the same connector)', async () => {
    const host = attachHost();
    const iscsi = await host.connected(iscsiType, 'it-recover-lost');
    const file = host.cacheFile(iscsi.name)!;
    const before = await host.json('connection', 'show', iscsi.name, '--show-secrets');
    rmSync(file);

    const found = await host.check('--check');
    expect(found.code).toBe(1);
    expect(checks(found.rows)).toEqual([['not-cached', iscsi.name]]);
    expect(found.rows[0]).toMatchObject({
      Volume: iscsi.id,
      Device: iscsi.device,
      Repair: 'safe',
      Fix: `ucinder init-connect ${iscsi.id}  (rebuilds the entry from Cinder); or ucinder disconnect --device ${iscsi.device}`,
    });
    const fixed = await host.check('--fix', '--check');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.rows[0]!.Result).toMatch(/^fixed: cache entry rebuilt from Cinder \(/);

    const rebuilt = await host.json('connection', 'show', iscsi.name, '--show-secrets');
    // Cinder gave the same export (target, LUN, CHAP credentials) to the same connector.
    expect(rebuilt.data).toEqual(before.data);
    expect(rebuilt).toMatchObject({ id: iscsi.id, state: 'connected', device: iscsi.device, host: host.hostName });
    expect((await host.check('--check')).code).toBe(0);
    expect((await host.cli('disconnect', iscsi.name)).code).toBe(0);
    expect(host.tools.state().sessions).toEqual([]);
  });

  it('volumes deleted in Cinder while cached: the entry alone is dropped by --fix; one still attached here needs --yes', async () => {
    const host = attachHost();
    const attached = await host.connected(iscsiType, 'it-recover-gone-att');
    const initialized = await newVolume('it-recover-gone-init', '--type', rbdType);
    await host.json('init-connect', initialized.name, '--host', host.hostName);
    // Cinder lets them go: neither is attached as far as it knows.
    const deleted = await ucinder(['volume', 'delete', '--wait', attached.id, initialized.id], base);
    expect(deleted.code, deleted.stderr).toBe(0);

    const found = await host.check();
    expect(found.code).toBe(0);
    expect(found.rows.map((row) => [row.Check, row.Name, row.Repair, row.Fix])).toEqual([
      ['volume-deleted', attached.name, 'needs --yes', `ucinder disconnect ${attached.name} && ucinder term-connect ${attached.name} --force`],
      ['volume-deleted', initialized.name, 'safe', `ucinder term-connect ${initialized.name} --force`],
    ]);
    const safe = await host.check('--fix', '--check');
    expect(safe.code).toBe(1);
    expect(safe.rows.map((row) => row.Result)).toEqual(['not fixed: could lose data, needs --yes', 'fixed: cache entry dropped']);
    expect(host.cacheFile(initialized.name)).toBeUndefined();
    expect(existsSync(attached.device)).toBe(true);

    const forced = await host.check('--fix', '--yes', '--check');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.rows.map((row) => row.Result)).toEqual(['fixed: disconnected from this host, cache entry dropped']);
    expect(existsSync(attached.device)).toBe(false);
    expect(host.tools.state().sessions).toEqual([]);
    expect((await host.check('--check')).rows).toEqual([]);
  });

  it('sessions nobody cached: of a Cinder volume (rebuilt by --fix) and of no volume (disconnect --device, or by id)', async () => {
    const host = attachHost();
    // Another tool logged in to a volume of this Cinder, and to a target named like a volume Cinder never had.
    const known = await newVolume('it-recover-stray', '--type', iscsiType);
    const unknownId = randomUUID();
    const login = (iqn: string) => {
      for (const args of [['--op', 'new'], ['--login']]) {
        execFileSync(join(host.tools.dir, 'iscsiadm'), ['-m', 'node', '-T', iqn, '-p', '127.0.0.1:3260', ...args]);
      }
      return `/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-${iqn}-lun-1`;
    };
    const knownDevice = login(`iqn.2010-10.org.openstack:volume-${known.id}`);
    const strayDevice = login(`iqn.2010-10.org.openstack:volume-${unknownId}`);

    const found = await host.check('--check');
    expect(found.code).toBe(1);
    expect(found.rows.map((row) => [row.Check, row.Volume, row.Name, row.Device, row.Repair])).toEqual([
      ['not-cached', known.id, known.name, knownDevice, 'safe'],
      ['not-cached', unknownId, '', strayDevice, 'needs --yes'],
    ]);
    expect(found.rows[1]!.Fix).toBe(`ucinder disconnect --device ${strayDevice}`);

    const fixed = await host.check('--fix');
    expect(fixed.rows.map((row) => row.Result)).toEqual([expect.stringMatching(/^fixed: cache entry rebuilt from Cinder/), 'not fixed: could lose data, needs --yes']);
    expect(await host.json('connection', 'show', known.name)).toMatchObject({ state: 'connected', device: knownDevice });

    // The operator drops the stray session by its device; the cached one by name (no cache entry needed for a bare id either).
    const dropped = await host.cli('disconnect', '--device', strayDevice);
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stderr).toBe(
      `Disconnected volume ${unknownId} (iqn.2010-10.org.openstack:volume-${unknownId}) (${strayDevice}); no cache entry had it: found from what the host shows\n`,
    );
    expect(existsSync(strayDevice)).toBe(false);
    rmSync(host.cacheFile(known.name)!);
    const byId = await host.cli('disconnect', known.id);
    expect(byId.code, byId.stderr).toBe(0);
    expect(host.tools.state().sessions).toEqual([]);
    const nothing = await host.cli('disconnect', known.id);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toBe(
      `ucinder: nothing to disconnect: no connection info cached for volume '${known.id}', and no iSCSI session, RBD map or NVMe subsystem of volume ${known.id} on this host\n`,
    );
    expect((await host.check('--check')).code).toBe(0);
  });

  it('Cinder says in-use on this host but nothing is attached: only --fix --yes detaches it in Cinder', async () => {
    const host = attachHost();
    const rbd = await host.connected(rbdType, 'it-recover-inuse', '--attach');
    expect((await adminJson('volume', 'show', rbd.id)).status).toBe('in-use');
    host.tools.reboot();
    rmSync(host.cacheFile(rbd.name)!);

    const found = await host.check('--check');
    expect(found.code).toBe(1);
    const attachmentId = (await adminJson('volume', 'show', rbd.id)).attachments[0].attachment_id as string;
    expect(found.rows.map((row) => [row.Check, row.Volume, row.Fix, row.Repair])).toEqual([
      ['in-use-not-attached', rbd.id, `ucinder volume attachment delete ${attachmentId}`, 'needs --yes'],
    ]);
    expect((await host.check('--fix', '--check')).code).toBe(1);
    expect((await adminJson('volume', 'show', rbd.id)).status).toBe('in-use');
    const forced = await host.check('--fix', '--yes', '--check');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.rows[0]!.Result).toBe(`fixed: detached in Cinder (attachment ${attachmentId})`);
    expect(await adminJson('volume', 'show', rbd.id)).toMatchObject({ status: 'available', attachments: [] });
  });

  it('a multipath device missing a path, and a volume exported elsewhere since init-connect (migrated)', async () => {
    const host = attachHost();
    const multipath = await host.connected(iscsiType, 'it-recover-paths', '--multipath');
    // One portal's session drops.
    execFileSync(join(host.tools.dir, 'iscsiadm'), ['-m', 'node', '-T', `iqn.2010-10.org.openstack:volume-${multipath.id}`, '-p', '127.0.0.2:3260', '--logout']);
    // The default type pins no backend: the test bed's driver can move it to the other one.
    const moved = await newVolume('it-recover-moved');
    await host.json('init-connect', moved.name, '--host', host.hostName);
    const from = (await adminJson('volume', 'show', moved.id))['os-vol-host-attr:host'] as string;
    const to = from === 'node1@mmj#mmj' ? 'node1@mmj2#mmj2' : 'node1@mmj#mmj';
    const migrated = await ucinder(['volume', 'migrate', '--host', to, '--wait', '--wait-timeout', '120', moved.id], base);
    expect(migrated.code, migrated.stderr).toBe(0);

    // Rows come in the cache's order (file names): "moved" before "paths".
    const found = await host.check();
    expect(found.rows.map((row) => [row.Check, row.Name, row.Repair])).toEqual([
      ['exported-elsewhere', moved.name, 'needs --yes'],
      ['paths-missing', multipath.name, 'safe'],
    ]);
    expect(found.rows[0]!.Problem).toBe(`Cinder now exports it from ${to}, not ${from} as cached: the cached connection is stale`);
    expect(found.rows[1]!.Problem).toBe("1 of 2 paths are there (multipath); the others' sessions are down");

    const fixed = await host.check('--fix', '--yes', '--check');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.rows.map((row) => row.Result)).toEqual(['fixed: connection terminated in Cinder, cache entry dropped', `fixed: connected at ${multipath.device} (2 paths)`]);
    expect(
      host.tools
        .state()
        .sessions.map((session) => session.portal)
        .sort(),
    ).toEqual(['127.0.0.1:3260', '127.0.0.2:3260']);
    expect(host.cacheFile(moved.name)).toBeUndefined();
    expect((await host.cli('disconnect', multipath.name)).code).toBe(0);
  });
});
