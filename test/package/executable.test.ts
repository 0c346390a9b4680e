import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/cli/settings.js';
import { NAME_CACHE_TTL_MS, NameCache, nameScope } from '../../src/state/name-cache.js';
import { cacheDir } from '../../src/state/paths.js';
import { deleteCreated } from '../integration/helpers/cinder-fixtures.js';
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
});
