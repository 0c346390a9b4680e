import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.js';
import { privateHome, spawnUcinder, ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { installFakeTools, releaseFakeTools } from './helpers/attach-fake-tools.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * The attach flow against the real Cinder: init-connect on the iSCSI (mmj)
 * and RBD (mmj2) backends, the INI cache under load, term-connect, errors.
 * Host commands stop at fake iscsiadm/rbd on PATH (no kernel iSCSI/RBD here;
 * the fakes make loop devices: helpers/fake-host-tools.cjs).
 * Every test has its own volumes, connection cache and fake tools; the three
 * volume types are shared, read-only setup.
 */
describe('attach flow against the real Cinder', () => {
  const { env: base, json: adminJson, created, newVolume: newAnyVolume } = testbedSession();
  const [iscsiType, rbdType, missingType] = typesPinnedTo(base, 'it-attach', ['mmj', 'mmj2', 'nowhere']) as [string, string, string];
  afterEach(releaseFakeTools);

  /** A private connection cache (UCINDER_STATE_DIR) and fake host tools first on PATH. */
  function attachHost() {
    const home = privateHome();
    const stateDir = join(home.HOME, 'attach-state');
    const tools = installFakeTools();
    const env: Record<string, string> = { ...base, ...home, UCINDER_STATE_DIR: stateDir, PATH: tools.path };
    const cacheFiles = () =>
      existsSync(join(stateDir, 'connections')) ? readdirSync(join(stateDir, 'connections')).filter((name) => name.endsWith('.ini') && !name.startsWith('.')) : [];
    return { env, stateDir, tools, cacheFiles, ...ucinderWith(env) };
  }

  /** An available 1 GiB volume of `type`. */
  const newVolume = (type: string, prefix: string) => newAnyVolume(prefix, '--type', type);

  /** A new volume of `type` whose connection `host` has initialized (cached). */
  async function initializedVolume(host: ReturnType<typeof attachHost>, type: string, prefix: string): Promise<{ id: string; name: string }> {
    const volume = await newVolume(type, prefix);
    await host.json('init-connect', volume.name);
    return volume;
  }

  it('init-connect on the iSCSI backend caches exactly what Cinder returned (CHAP masked on screen)', async () => {
    const { env, json } = attachHost();
    const { id, name } = await newVolume(iscsiType, 'it-attach-iscsi');
    const shown = await json('init-connect', name, '--show-secrets');
    expect(shown.driver_volume_type).toBe('iscsi');
    expect(shown.data).toMatchObject({ target_portal: '127.0.0.1:3260', target_lun: 1, auth_method: 'CHAP', volume_id: id });
    expect(shown.data.target_iqn).toBe(`iqn.2010-10.org.openstack:volume-${id}`);
    expect(shown.data.auth_password).toMatch(/^[A-Za-z0-9_-]{8,}$/);

    const masked = await json('init-connect', name);
    expect(masked.data.auth_password).toBe('***');

    const cached = await json('connection', 'show', name, '--show-secrets');
    expect(cached.data).toEqual(shown.data);
    expect(cached).toMatchObject({ id, name, state: 'initialized', driver_volume_type: 'iscsi', project: env.OS_PROJECT_ID });
    expect(cached.connector.initiator).toMatch(/^iqn\./);
    const file = cached.file as string;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`target_iqn = iqn.2010-10.org.openstack:volume-${id}`);
  });

  it('init-connect on the RBD backend (-n like the old script) caches the rbd data', async () => {
    const { json } = attachHost();
    const { id, name } = await newVolume(rbdType, 'it-attach-rbd');
    const shown = await json('init-connect', '-n', name);
    expect(shown).toEqual({
      driver_volume_type: 'rbd',
      data: expect.objectContaining({ name: `volumes/volume-${id}`, hosts: ['127.0.0.1'], ports: ['6789'], auth_username: 'cinder', keyring: null, discard: true }),
    });
    const cached = await json('connection', 'show', id);
    expect(cached.data).toEqual(shown.data);
    const listed = await json('connection', 'list', '--long');
    expect(listed).toContainEqual(expect.objectContaining({ Name: name, ID: id, Protocol: 'rbd', Target: `volumes/volume-${id}`, State: 'initialized', Device: '' }));
  });

  it('connect --dry-run prints shell lines that run as they are: the password as "$UCINDER_CHAP_PASSWORD", set by the first line only with --show-secrets', async () => {
    const host = attachHost();
    const { id, name } = await initializedVolume(host, iscsiType, 'it-attach-dry');
    const before = host.tools.calls().length;
    const run = await host.cli('connect', name, '--dry-run');
    expect(run.stderr).toBe('Set UCINDER_CHAP_PASSWORD before running these (--show-secrets prints the line that sets it)\n');
    expect(run.code).toBe(0);
    const iqn = `iqn.2010-10.org.openstack:volume-${id}`;
    const node = `iscsiadm -m node -T ${iqn} -p 127.0.0.1:3260`;
    const commands = [
      `${node} --interface default --op new`,
      `${node} --op update -n node.session.auth.authmethod -v CHAP`,
      expect.stringMatching(new RegExp(`^${node.replace(/[.]/g, '\\.')} --op update -n node\\.session\\.auth\\.username -v \\w+$`)),
      `${node} --op update -n node.session.auth.password -v "$UCINDER_CHAP_PASSWORD"`,
      `${node} --login`,
      `${node} --op update -n node.startup -v automatic`,
    ];
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(commands);
    expect(host.tools.calls().length).toBe(before);

    // Pasted into a shell (here: sh with the fake iscsiadm first on PATH), the --show-secrets script logs in with the real password.
    const script = await host.cli('connect', name, '--dry-run', '--show-secrets');
    expect(script.stderr).toBe('');
    const password = (await host.json('connection', 'show', name, '--show-secrets')).data.auth_password as string;
    expect(script.stdout.split('\n').filter(Boolean)).toEqual([`UCINDER_CHAP_PASSWORD=${password}`, ...commands]);
    execFileSync('sh', ['-e', '-c', script.stdout], { env: { PATH: host.tools.path }, stdio: 'ignore' });
    expect(host.tools.state().nodes[`${iqn} 127.0.0.1:3260`]?.['node.session.auth.password']).toBe(password);
    expect(host.tools.state().sessions).toContainEqual(expect.objectContaining({ iqn }));
  });

  it('connect runs the fake iscsiadm with argv arrays, then fails clearly when the device never appears', async () => {
    const host = attachHost();
    const { id, name } = await initializedVolume(host, iscsiType, 'it-attach-conn');
    const before = host.tools.calls().length;
    // The target exports no LUN to this initiator: the login works, no device appears.
    const run = await ucinder(['connect', name, '--device-timeout', '1'], { ...host.env, FAKE_ISCSI_NO_LUN: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-iqn.2010-10.org.openstack:volume-${id}-lun-1 did not appear within 1 s`);
    const calls = host.tools.calls().slice(before);
    expect(calls.map((argv) => argv.slice(0, 1).concat(argv.slice(7)).join(' '))).toEqual([
      'iscsiadm --interface default --op new',
      'iscsiadm --op update -n node.session.auth.authmethod -v CHAP',
      expect.stringMatching(/^iscsiadm --op update -n node\.session\.auth\.username -v \w+$/),
      expect.stringMatching(/^iscsiadm --op update -n node\.session\.auth\.password -v \S+$/),
      'iscsiadm --login',
      'iscsiadm --op update -n node.startup -v automatic',
    ]);
    // The real secret reached the tool, and nothing was recorded as connected.
    expect(calls[3]!.at(-1)).not.toBe('***');
    expect((await host.json('connection', 'show', name)).state).toBe('initialized');
  });

  it('a failed login names the cause', async () => {
    const host = attachHost();
    const { name } = await initializedVolume(host, iscsiType, 'it-attach-login');
    const run = await ucinder(['connect', name], { ...host.env, FAKE_EXIT_ISCSIADM: '24' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CHAP authentication failed');
    expect(run.stderr).toContain('iscsiadm: simulated failure');
  });

  it('a missing tool names the package to install', async () => {
    const host = attachHost();
    const { name } = await initializedVolume(host, rbdType, 'it-attach-notool');
    const run = await ucinder(['connect', name], { ...host.env, PATH: '/nonexistent-bin' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("'rbd' is not installed or not on PATH: install ceph-common");
  });

  it('disconnect is idempotent and goes through the runner', async () => {
    const host = attachHost();
    const rbd = await initializedVolume(host, rbdType, 'it-attach-disc-rbd');
    const iscsi = await initializedVolume(host, iscsiType, 'it-attach-disc-iscsi');
    const before = host.tools.calls().length;
    for (let i = 0; i < 2; i++) {
      const run = await host.cli('disconnect', rbd.name);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`Disconnected volume '${rbd.name}'`);
    }
    // No device was ever mapped: nothing to flush or unmap.
    expect(host.tools.calls().slice(before)).toEqual([]);
    const dry = await host.cli('disconnect', iscsi.name, '--dry-run');
    expect(dry.stdout).toContain('--logout');
  });

  it('term-connect calls os-terminate_connection and removes the entry; then connect says to init-connect first', async () => {
    const host = attachHost();
    const iscsi = await initializedVolume(host, iscsiType, 'it-attach-term-iscsi');
    const rbd = await initializedVolume(host, rbdType, 'it-attach-term-rbd');
    expect(host.cacheFiles()).toHaveLength(2);
    for (const name of [iscsi.name, rbd.name]) {
      const run = await host.cli('term-connect', name);
      expect(run.stderr).toContain('Terminated the connection');
      expect(run.code).toBe(0);
    }
    expect(host.cacheFiles()).toEqual([]);
    const run = await host.cli('connect', iscsi.name);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`ucinder: no connection info cached for volume '${iscsi.name}'; run \`ucinder init-connect ${iscsi.name}\` first\n`);
    const term = await host.cli('term-connect', iscsi.name);
    expect(term.code).toBe(1);
    expect(term.stderr).toContain('no connection info cached');
  });

  it('32 init-connects of 32 volumes in parallel processes leave 32 intact files', async () => {
    const { cli, json } = attachHost();
    // Set-up in batches of 8: 32 sequential creates take minutes on a loaded test bed.
    const volumes: { id: string; name: string }[] = [];
    for (let i = 0; i < 32; i += 8) {
      volumes.push(...(await Promise.all(Array.from({ length: 8 }, (_, k) => newVolume(rbdType, `it-attach-par${i + k}`)))));
    }
    const names = volumes.map((volume) => volume.name);
    const ids = volumes.map((volume) => volume.id);
    const runs = await Promise.all(names.map((name) => cli('init-connect', name, '-f', 'json')));
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const listed = await json('connection', 'list');
    expect(
      listed
        .filter((row: { Name: string }) => names.includes(row.Name))
        .map((row: { ID: string }) => row.ID)
        .sort(),
    ).toEqual([...ids].sort());
    for (const [index, name] of names.entries()) {
      const shown = await json('connection', 'show', name);
      expect(shown.id).toBe(ids[index]);
      expect(shown.data.volume_id).toBe(ids[index]);
    }
    for (const name of names) expect((await cli('term-connect', name)).code).toBe(0);
  }, 600_000);

  it('parallel writes to one volume are serialized and the file always parses; SIGKILL mid-write leaves old or new', async () => {
    const host = attachHost();
    const { env, stateDir, cli, json } = host;
    const volume = await initializedVolume(host, iscsiType, 'it-attach-same');
    const name = volume.name;

    // 12 writers and a reader at the same time.
    let reading = true;
    const reads: Promise<number> = (async () => {
      let count = 0;
      while (reading) {
        const run = await cli('connection', 'show', name, '-f', 'json');
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout).id).toBe(volume.id);
        count++;
      }
      return count;
    })();
    const writers = await Promise.all(Array.from({ length: 12 }, (_, i) => cli('init-connect', name, '--host', `writer-${i}`, '-f', 'json')));
    reading = false;
    expect(await reads).toBeGreaterThan(0);
    for (const run of writers) expect(run.code).toBe(0);
    const final = await json('connection', 'show', name);
    expect(final.host).toMatch(/^writer-\d+$/);
    // No lock or temp file left behind.
    expect(readdirSync(join(stateDir, 'connections')).filter((file) => file.includes(name.slice(0, 20)) && !file.endsWith('.ini'))).toEqual([]);

    // Kill writers at random moments: each time the file is the old or a new version, never partial.
    for (let round = 0; round < 8; round++) {
      const child = spawnUcinder(['init-connect', name, '--host', `killed-${round}`], env, { spawn: { stdio: 'ignore' } });
      // Listen before killing: a quick init-connect may finish (and close) first.
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 450));
      child.kill('SIGKILL');
      await closed;
      const shown = await json('connection', 'show', name);
      expect(shown.id).toBe(volume.id);
      expect(shown.host).toMatch(/^(writer-\d+|killed-\d+)$/);
      expect(shown.data.volume_id).toBe(volume.id);
    }
    // A lock left by a killed writer is broken (dead pid), so the next write goes through.
    const after = await json('init-connect', name, '--host', 'after-kills');
    expect(after.driver_volume_type).toBe('iscsi');
    expect((await json('connection', 'show', name)).host).toBe('after-kills');
    expect((await cli('term-connect', name)).code).toBe(0);
  });

  it('errors: unknown volume id (Cinder message + request id), unknown name, error state, missing initiator, server down', async () => {
    const { env, cli, cacheFiles } = attachHost();
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const byId = await cli('init-connect', unknownId);
    expect(byId.code).toBe(1);
    expect(byId.stderr).toMatch(new RegExp(`^ucinder: Volume ${unknownId} could not be found\\. \\(HTTP 404\\) \\(Request-ID: req-[0-9a-f-]+\\)\\n$`));

    const byName = await cli('init-connect', 'it-attach-no-such-volume');
    expect(byName.code).toBe(1);
    expect(byName.stderr).toBe("ucinder: No volume with a name or ID of 'it-attach-no-such-volume' exists.\n");

    const broken = await adminJson('volume', 'create', '--size', '1', '--type', missingType, uniqueName('it-attach-err'));
    created.volumes.push(broken.id);
    const status = await pollUntil(
      async () => (await adminJson('volume', 'show', broken.id)).status as string,
      (value) => value !== 'creating',
    );
    expect(status).toBe('error');
    const errored = await cli('init-connect', broken.id);
    expect(errored.code).toBe(1);
    expect(errored.stderr).toContain(`is in status 'error'`);
    expect(errored.stderr).toContain('cannot be connected');

    const iscsi = await newVolume(iscsiType, 'it-attach-errs');
    const noInitiator = await cli('init-connect', iscsi.name, '--initiator', '');
    expect(noInitiator.code).toBe(1);
    expect(noInitiator.stderr).toContain('initiator');

    const down = await ucinder(['init-connect', iscsi.name], { ...env, OS_ENDPOINT: 'http://127.0.0.1:9' });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^ucinder: .*127\.0\.0\.1:9/);
    expect(cacheFiles().some((file) => file.startsWith(iscsi.name))).toBe(false);
  });
});
