import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFakeTools, type FakeTools } from './helpers/attach-fake-tools.js';
import { BIN, isolatedHome, testbedEnv, ucinder, uniqueName } from './helpers/ucinder.js';

/**
 * The attach flow against the real Cinder: init-connect on the iSCSI (mmj)
 * and RBD (mmj2) backends, the INI cache under load, term-connect, errors.
 * Host commands stop at fake iscsiadm/rbd on PATH (no kernel iSCSI/RBD here).
 */
describe('attach flow against the real Cinder', () => {
  let env: Record<string, string>;
  let stateDir: string;
  let tools: FakeTools;
  const iscsiType = uniqueName('it-attach-mmj');
  const rbdType = uniqueName('it-attach-mmj2');
  const missingType = uniqueName('it-attach-missing');
  const iscsiVolume = uniqueName('it-attach-iscsi');
  const rbdVolume = uniqueName('it-attach-rbd');
  const created: string[] = [];

  const cli = (...args: string[]) => ucinder(args, env);
  const json = async (...args: string[]) => {
    const run = await cli(...args, '-f', 'json');
    expect(run.stderr).not.toContain('ucinder:');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };
  const create = async (...args: string[]) => {
    const run = await cli(...args, '-f', 'json');
    if (run.code !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
    return JSON.parse(run.stdout);
  };
  const cacheFiles = () => readdirSync(join(stateDir, 'connections')).filter((name) => name.endsWith('.ini') && !name.startsWith('.'));

  beforeAll(async () => {
    const home = isolatedHome();
    stateDir = join(home.HOME, 'attach-state');
    tools = installFakeTools();
    env = { ...testbedEnv(), ...home, UCINDER_STATE_DIR: stateDir, PATH: tools.path };
    await create('volume', 'type', 'create', '--property', 'volume_backend_name=mmj', iscsiType);
    await create('volume', 'type', 'create', '--property', 'volume_backend_name=mmj2', rbdType);
    await create('volume', 'type', 'create', '--property', 'volume_backend_name=nowhere', missingType);
    for (const [name, type] of [[iscsiVolume, iscsiType], [rbdVolume, rbdType]] as const) {
      created.push((await create('volume', 'create', '--size', '1', '--type', type, name)).id);
    }
  });

  afterAll(async () => {
    if (created.length) await cli('volume', 'delete', '--wait', ...created);
    await cli('volume', 'type', 'delete', iscsiType, rbdType, missingType);
  });

  async function waitAvailable(id: string) {
    for (let i = 0; i < 60; i++) {
      const volume = await json('volume', 'show', id);
      if (volume.status !== 'creating') return volume;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`volume ${id} still creating`);
  }

  it('init-connect on the iSCSI backend caches exactly what Cinder returned (CHAP masked on screen)', async () => {
    await waitAvailable(created[0]!);
    const started = performance.now();
    const shown = await json('init-connect', iscsiVolume, '--show-secrets');
    console.log(`init-connect (iscsi) took ${Math.round(performance.now() - started)} ms`);
    expect(shown.driver_volume_type).toBe('iscsi');
    expect(shown.data).toMatchObject({ target_portal: '127.0.0.1:3260', target_lun: 1, auth_method: 'CHAP', volume_id: created[0] });
    expect(shown.data.target_iqn).toBe(`iqn.2010-10.org.openstack:volume-${created[0]}`);
    expect(shown.data.auth_password).toMatch(/^[A-Za-z0-9_-]{8,}$/);

    const masked = await json('init-connect', iscsiVolume);
    expect(masked.data.auth_password).toBe('***');

    const cached = await json('connection', 'show', iscsiVolume, '--show-secrets');
    expect(cached.data).toEqual(shown.data);
    expect(cached).toMatchObject({ id: created[0], name: iscsiVolume, state: 'initialized', driver_volume_type: 'iscsi', project: env.OS_PROJECT_ID });
    expect(cached.connector.initiator).toMatch(/^iqn\./);
    const file = cached.file as string;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`target_iqn = iqn.2010-10.org.openstack:volume-${created[0]}`);
  });

  it('init-connect on the RBD backend (-n like the old script) caches the rbd data', async () => {
    await waitAvailable(created[1]!);
    const shown = await json('init-connect', '-n', rbdVolume);
    expect(shown).toEqual({
      driver_volume_type: 'rbd',
      data: expect.objectContaining({ name: `volumes/volume-${created[1]}`, hosts: ['127.0.0.1'], ports: ['6789'], auth_username: 'cinder', keyring: null, discard: true }),
    });
    const cached = await json('connection', 'show', created[1]!);
    expect(cached.data).toEqual(shown.data);
    const listed = await json('connection', 'list');
    expect(listed).toContainEqual(expect.objectContaining({ Name: rbdVolume, ID: created[1], Protocol: 'rbd', Target: `volumes/volume-${created[1]}`, State: 'initialized', Device: '' }));
  });

  it('connect --dry-run prints the exact iscsiadm sequence (password masked) and runs nothing', async () => {
    const before = tools.calls().length;
    const run = await cli('connect', iscsiVolume, '--dry-run', '-f', 'value');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const iqn = `iqn.2010-10.org.openstack:volume-${created[0]}`;
    const node = `iscsiadm -m node -T ${iqn} -p 127.0.0.1:3260`;
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      `${node} --interface default --op new`,
      `${node} --op update -n node.session.auth.authmethod -v CHAP`,
      expect.stringMatching(new RegExp(`^${node.replace(/[.]/g, '\\.')} --op update -n node\\.session\\.auth\\.username -v \\w+$`)),
      `${node} --op update -n node.session.auth.password -v '***'`,
      `${node} --login`,
      `${node} --op update -n node.startup -v automatic`,
    ]);
    expect(tools.calls().length).toBe(before);
  });

  it('connect runs the fake iscsiadm with argv arrays, then fails clearly when the device never appears', async () => {
    const before = tools.calls().length;
    const run = await cli('connect', iscsiVolume, '--device-timeout', '1');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-iqn.2010-10.org.openstack:volume-${created[0]}-lun-1 did not appear within 1 s`);
    const calls = tools.calls().slice(before);
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
    expect((await json('connection', 'show', iscsiVolume)).state).toBe('initialized');
  });

  it('a failed login names the cause', async () => {
    const run = await ucinder(['connect', iscsiVolume], { ...env, FAKE_EXIT_ISCSIADM: '24' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CHAP authentication failed');
    expect(run.stderr).toContain('iscsiadm: simulated failure');
  });

  it('a missing tool names the package to install', async () => {
    const run = await ucinder(['connect', rbdVolume], { ...env, PATH: '/nonexistent-bin' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("'rbd' is not installed or not on PATH: install ceph-common");
  });

  it('disconnect is idempotent and goes through the runner', async () => {
    const before = tools.calls().length;
    for (let i = 0; i < 2; i++) {
      const run = await cli('disconnect', rbdVolume);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`Disconnected volume '${rbdVolume}'`);
    }
    // No device was ever mapped: nothing to flush or unmap.
    expect(tools.calls().slice(before)).toEqual([]);
    const dry = await cli('disconnect', iscsiVolume, '--dry-run', '-f', 'value');
    expect(dry.stdout).toContain('--logout');
  });

  it('term-connect calls os-terminate_connection and removes the entry; then connect says to init-connect first', async () => {
    for (const name of [iscsiVolume, rbdVolume]) {
      const run = await cli('term-connect', name);
      expect(run.stderr).toContain('Terminated the connection');
      expect(run.code).toBe(0);
    }
    expect(cacheFiles()).toEqual([]);
    const run = await cli('connect', iscsiVolume);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`ucinder: no connection info cached for volume '${iscsiVolume}'; run \`ucinder init-connect ${iscsiVolume}\` first\n`);
    const term = await cli('term-connect', iscsiVolume);
    expect(term.code).toBe(1);
    expect(term.stderr).toContain('no connection info cached');
  });

  it('32 init-connects of 32 volumes in parallel processes leave 32 intact files', async () => {
    const names = Array.from({ length: 32 }, (_, i) => uniqueName(`it-attach-par${i}`));
    // Set-up in batches of 8: 32 sequential creates take minutes on a loaded test bed.
    const ids: string[] = [];
    for (let i = 0; i < names.length; i += 8) {
      const batch = await Promise.all(names.slice(i, i + 8).map((name) => create('volume', 'create', '--size', '1', '--type', rbdType, name)));
      for (const volume of batch) {
        ids.push(volume.id);
        created.push(volume.id);
      }
    }
    for (const id of ids) await waitAvailable(id);
    const started = performance.now();
    const runs = await Promise.all(names.map((name) => cli('init-connect', name, '-f', 'json')));
    console.log(`32 parallel init-connects took ${Math.round(performance.now() - started)} ms`);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const listed = await json('connection', 'list');
    expect(listed.filter((row: { Name: string }) => names.includes(row.Name)).map((row: { ID: string }) => row.ID).sort()).toEqual([...ids].sort());
    for (const [index, name] of names.entries()) {
      const shown = await json('connection', 'show', name);
      expect(shown.id).toBe(ids[index]);
      expect(shown.data.volume_id).toBe(ids[index]);
    }
    for (const name of names) expect((await cli('term-connect', name)).code).toBe(0);
  }, 600_000);

  it('parallel writes to one volume are serialized and the file always parses; SIGKILL mid-write leaves old or new', async () => {
    const name = uniqueName('it-attach-same');
    const volume = await create('volume', 'create', '--size', '1', '--type', iscsiType, name);
    created.push(volume.id);
    await waitAvailable(volume.id);
    await json('init-connect', name);

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
      const child = spawn(process.execPath, [BIN, 'init-connect', name, '--host', `killed-${round}`], { env: { ...env }, stdio: 'ignore' });
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
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const byId = await cli('init-connect', unknownId);
    expect(byId.code).toBe(1);
    expect(byId.stderr).toMatch(new RegExp(`^ucinder: Volume ${unknownId} could not be found\\. \\(HTTP 404\\) \\(Request-ID: req-[0-9a-f-]+\\)\\n$`));

    const byName = await cli('init-connect', 'it-attach-no-such-volume');
    expect(byName.code).toBe(1);
    expect(byName.stderr).toBe("ucinder: No volume with a name or ID of 'it-attach-no-such-volume' exists.\n");

    const broken = await create('volume', 'create', '--size', '1', '--type', missingType, uniqueName('it-attach-err'));
    created.push(broken.id);
    let status = 'creating';
    for (let i = 0; i < 60 && status === 'creating'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await json('volume', 'show', broken.id)).status;
    }
    expect(status).toBe('error');
    const errored = await cli('init-connect', broken.id);
    expect(errored.code).toBe(1);
    expect(errored.stderr).toContain(`is in status 'error'`);
    expect(errored.stderr).toContain('cannot be connected');

    const noInitiator = await cli('init-connect', iscsiVolume, '--initiator', '');
    expect(noInitiator.code).toBe(1);
    expect(noInitiator.stderr).toContain('initiator');

    const down = await ucinder(['init-connect', iscsiVolume], { ...env, OS_ENDPOINT: 'http://127.0.0.1:9' });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^ucinder: .*127\.0\.0\.1:9/);
    expect(cacheFiles().some((file) => file.startsWith(iscsiVolume))).toBe(false);
  });
});
