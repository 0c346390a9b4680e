import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/cli/settings.js';
import { NAME_CACHE_TTL_MS, NameCache, nameScope } from '../../src/state/name-cache.js';
import { cacheDir } from '../../src/state/paths.js';
import { deleteCreated, typesPinnedTo } from '../integration/helpers/cinder-fixtures.js';
import { PtyShell } from '../integration/helpers/pty.js';
import { pollUntil } from '../support/poll.js';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { executable, VERSION, withoutNode } from './release.js';

/**
 * release/ucinder-<version>-linux-x64 on a machine without Node: every run is
 * in a mount namespace where node's binary and directories are hidden (the
 * wrapper fails with 99 if a node can still be found), against the real
 * Cinder test bed.
 */
describe('the x64 single executable, where no node can be found', () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const command = withoutNode([executable('x64')]);
  const run = (args: string[], input?: string) => ucinder(args, env, { command, input });
  // Registered first, so deleted last (after-hooks run in reverse): after the volumes of that type.
  const [iscsiType] = typesPinnedTo(env, 'pkg-exe', ['mmj']) as [string];
  const created = deleteCreated(afterAll, env);
  // Made by the npm command, read by the executable.
  const sharedVolume = uniqueName('pkg-exe-shared');
  beforeAll(async () => {
    created.volumes.push((await ucinderWith(env).json('volume', 'create', '--size', '1', '--wait', sharedVolume)).id);
  });

  it('prints its version', async () => {
    const version = await run(['--version']);
    expect(version.stderr).toBe('');
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${VERSION}\n`);
  });

  it('creates a volume with --wait and lists it', async () => {
    const volumeName = uniqueName('pkg-exe-vol');
    const create = await run(['volume', 'create', '--size', '1', '--wait', volumeName, '-f', 'json']);
    expect(create.code, create.stderr).toBe(0);
    const volume = JSON.parse(create.stdout) as { id: string; name: string; status: string };
    created.volumes.push(volume.id);
    expect(volume).toMatchObject({ name: volumeName, status: 'available' });

    const list = await run(['volume', 'list', '-f', 'json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toContainEqual(expect.objectContaining({ ID: volume.id, Name: volumeName, Status: 'available' }));
  });

  it('reads a batch of commands from a pipe', async () => {
    const batch = await run([], `volume show ${sharedVolume} -f value -c status\nvolume list -f value -c Name --name ${sharedVolume}\n`);
    expect(batch.stderr).toBe('');
    expect(batch.code).toBe(0);
    expect(batch.stdout).toBe(`available\n${sharedVolume}\n`);
  });

  it('prints the same bash completion script as the npm command', async () => {
    const [fromExecutable, fromNpm] = await Promise.all([run(['completion', 'bash']), ucinder(['completion', 'bash'], env)]);
    expect(fromExecutable.code, fromExecutable.stderr).toBe(0);
    expect(fromExecutable.stdout).toContain('complete -F _ucinder ucinder');
    expect(fromExecutable.stdout).toBe(fromNpm.stdout);
  });

  it('refreshes a stale TAB cache in the background by starting itself again', async () => {
    const home = { ...env, ...privateHome() };
    const cacheAt = (offsetMs: number) => new NameCache(cacheDir(home), nameScope(resolveSettings({}, home)), () => Date.now() + offsetMs);
    await cacheAt(-(NAME_CACHE_TTL_MS + 1000)).write('volume', ['pkg-exe-stale']);
    const tab = await ucinder(['completion', 'names', 'volume'], home, { command });
    expect(tab.stdout).toBe('pkg-exe-stale\n');
    const cached = () => (JSON.parse(readFileSync(cacheAt(0).fileFor('volume'), 'utf8')) as { names: string[] }).names;
    expect(await pollUntil(cached, (names) => names.includes(sharedVolume), { attempts: 200, intervalMs: 100 })).toContain(sharedVolume);
  });

  describe('the interactive shell, on a terminal', () => {
    let shell: PtyShell | undefined;
    afterEach(() => shell?.kill());
    const PROMPT = /\(ucinder \S+\) /;

    it('completes a command word with TAB, runs it and exits', async () => {
      shell = new PtyShell([], { ...env, ...privateHome() }, command);
      await shell.expect(PROMPT);
      shell.type('volume ty\t');
      await shell.expect('volume type ');
      shell.type('list -f value -c Name\r');
      expect(await shell.expect(PROMPT)).toContain('__DEFAULT__');
      shell.type('exit\r');
      expect(await shell.exited).toBe(0);
    });
  });

  it('attaches on iSCSI: init-connect, connect running the host tool, term-connect', async () => {
    // A fake iscsiadm (sh: no node here) that records its arguments; no kernel iSCSI on this machine.
    const tools = mkdtempSync(join(tmpdir(), 'ucinder-pkg-tools-'));
    const calls = join(tools, 'calls.log');
    writeFileSync(join(tools, 'iscsiadm'), `#!/bin/sh\necho "$*" >> ${calls}\n`);
    chmodSync(join(tools, 'iscsiadm'), 0o755);
    const host = { ...env, ...privateHome(), PATH: `${tools}:/usr/sbin:/usr/bin:/sbin:/bin` };
    const attach = (args: string[]) => ucinder(args, host, { command });
    const volume = await ucinderWith(env).json('volume', 'create', '--size', '1', '--type', iscsiType, '--wait', uniqueName('pkg-exe-attach'));
    created.volumes.push(volume.id);

    const init = await attach(['init-connect', volume.name, '-f', 'json']);
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ driver_volume_type: 'iscsi', data: { volume_id: volume.id } });

    const connect = await attach(['connect', volume.name, '--device-timeout', '1']);
    expect(connect.code).toBe(1);
    expect(connect.stderr).toContain(`iqn.2010-10.org.openstack:volume-${volume.id}-lun-1 did not appear within 1 s`);
    expect(readFileSync(calls, 'utf8')).toContain(`-m node -T iqn.2010-10.org.openstack:volume-${volume.id} -p 127.0.0.1:3260 --login`);

    const term = await attach(['term-connect', volume.name]);
    expect(term.code, term.stderr).toBe(0);
    expect(term.stderr).toContain('Terminated the connection');
  });
});
