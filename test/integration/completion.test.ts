import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/cli/settings.js';
import { NAME_CACHE_TTL_MS, NameCache, nameScope } from '../../src/state/name-cache.js';
import type { NameKind } from '../../src/completion/name-kinds.js';
import { cacheDir } from '../../src/state/paths.js';
import { apiRequests, faultEnv, startFaultServer } from '../support/fault-server.js';
import { pollUntil } from '../support/poll.js';
import { testbedEnv } from '../support/testbed.js';
import { BIN, ROOT, privateHome, ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { deleteCreated } from './helpers/cinder-fixtures.js';

/** The cache `ucinder completion names` uses under `env`, optionally with a clock `offsetMs` off. */
function cacheFor(env: Record<string, string>, offsetMs = 0): NameCache {
  return new NameCache(cacheDir(env), nameScope(resolveSettings({}, env)), () => Date.now() + offsetMs);
}

/** `ucinder` on $PATH, as an installed completion script expects. */
function pathWithUcinder(): string {
  const dir = join(privateHome().HOME, 'bin');
  mkdirSync(dir, { recursive: true });
  symlinkSync(BIN, join(dir, 'ucinder'));
  return `${dir}:${process.env.PATH}`;
}

/** Runs one TAB through the committed bash script; prints COMPREPLY. */
function bashTab(words: string[], env: Record<string, string>): string[] {
  const driver = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _ucinder; printf "%s\\n" "${COMPREPLY[@]}"';
  return execFileSync('bash', ['--norc', '--noprofile', '-c', driver, 'bash', join(ROOT, 'completions/ucinder.bash'), ...words], {
    env,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
}

/** A cache directory whose cloud is a closed port: any request would fail, so names can only come from the cache. */
function offlineEnv(): Record<string, string> {
  return { ...privateHome(), OS_ENDPOINT: 'http://127.0.0.1:9', OS_PROJECT_ID: 'p-offline', PATH: pathWithUcinder() };
}

describe('completion against the real Cinder', () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const { json } = ucinderWith(env);
  const shared = deleteCreated(afterAll, env);
  const volumeName = uniqueName('it-completion-vol');
  const typeName = uniqueName('it-completion-type');

  // Read-only for every test: names to find in the cloud.
  beforeAll(async () => {
    shared.types.push((await json('volume', 'type', 'create', typeName)).id);
    shared.volumes.push((await json('volume', 'create', '--size', '1', volumeName)).id);
  });

  it('lists volume, type, host and service names from the cloud and caches them', async () => {
    const home = { ...env, ...privateHome() };
    const names = async (kind: NameKind) => {
      const run = await ucinder(['completion', 'names', kind], home);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return run.stdout.split('\n').filter(Boolean);
    };
    expect(await names('volume')).toContain(volumeName);
    expect(await names('type')).toContain(typeName);
    expect(await names('host')).toEqual(expect.arrayContaining(['node1@mmj', 'node1@mmj2']));
    expect(await names('service')).toEqual(expect.arrayContaining(['cinder-volume', 'cinder-scheduler']));
    expect((await cacheFor(home).read('volume'))?.names).toContain(volumeName);
  });

  it('answers a stale cache at once and refreshes it in a detached process', async () => {
    const home = { ...env, ...privateHome() };
    await cacheFor(home, -(NAME_CACHE_TTL_MS + 1000)).write('type', ['it-completion-stale']);
    const run = await ucinder(['completion', 'names', 'type'], home);
    expect(run.stdout).toBe('it-completion-stale\n');
    const cache = cacheFor(home);
    const cachedTypes = () => (JSON.parse(readFileSync(cache.fileFor('type'), 'utf8')) as { names: string[] }).names;
    expect(await pollUntil(cachedTypes, (names) => names.includes(typeName), { attempts: 200, intervalMs: 100 })).toContain(typeName);
    const marker = `${cache.fileFor('type')}.refreshing`;
    expect(
      await pollUntil(
        () => existsSync(marker),
        (exists) => !exists,
        { attempts: 50, intervalMs: 100 },
      ),
    ).toBe(false);
  });

  it('with no cache and a cloud that does not answer in time, a TAB offers nothing; the background refresh readies the next TAB', async () => {
    // A fake Cinder that holds every request until the test lets it answer:
    // the first TAB gives up while the cloud is silent, whatever the machine's speed.
    const server = await startFaultServer();
    let answer!: () => void;
    const answering = new Promise<void>((resolve) => (answer = resolve));
    server.setFault(async () => {
      await answering;
      return false; // then the fake's healthy defaults answer (one volume, vol-a)
    });
    try {
      // UCINDER_TIMEOUT bounds the background refresh this starts, which outlives the TAB.
      const silent = { ...faultEnv(server, privateHome()), UCINDER_TIMEOUT: '60' };
      const cache = cacheFor(silent);
      // No cached names, in a cache directory an earlier ucinder run made. (With no
      // directory at all the refresh's claim marker cannot be created and no refresh starts.)
      mkdirSync(cacheDir(silent), { recursive: true });
      const first = await ucinder(['completion', 'names', 'volume'], silent);
      expect(first).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(await cache.read('volume')).toBeUndefined();
      // The TAB left a refresh running (its claim marker) that is still waiting for the cloud.
      expect(existsSync(`${cache.fileFor('volume')}.refreshing`)).toBe(true);

      answer();
      const refreshed = await pollUntil(
        () => cache.read('volume'),
        (cached) => cached !== undefined,
        { attempts: 200, intervalMs: 100 },
      );
      expect(refreshed?.names).toEqual(['vol-a']);
      // The next TAB is answered from the cache alone.
      const requestsBefore = apiRequests(server).length;
      const next = await ucinder(['completion', 'names', 'volume'], silent);
      expect(next).toMatchObject({ code: 0, stdout: 'vol-a\n', stderr: '' });
      expect(apiRequests(server).length).toBe(requestsBefore);
    } finally {
      answer();
      await server.close();
    }
  });

  it('bash: `ucinder volume show <TAB>` offers the cached names, with no request', async () => {
    const offline = offlineEnv();
    await cacheFor(offline).write('volume', ['cached-a', 'cached-b', 'other']);
    expect(bashTab(['ucinder', 'volume', 'show', 'cached-'], offline)).toEqual(['cached-a', 'cached-b']);
    expect(bashTab(['ucinder', 'volume', 'delete', 'cached-a', ''], offline)).toEqual(['cached-a', 'cached-b', 'other']);
  });

  it('bash: a TAB among 200 cached names offers exactly those with the typed prefix', async () => {
    const offline = offlineEnv();
    await cacheFor(offline).write(
      'volume',
      Array.from({ length: 200 }, (_, i) => `vol-${i}`),
    );
    const offered = bashTab(['ucinder', 'volume', 'show', 'vol-19'], offline);
    expect(offered.sort()).toEqual(['vol-19', ...Array.from({ length: 10 }, (_, i) => `vol-19${i}`)].sort());
  });

  it('fish: installed as ~/.config/fish/completions/ucinder.fish, a TAB offers commands, flags, fixed values and a volume name from the cloud', async () => {
    const home = { ...env, ...privateHome() };
    const completions = join(home.HOME, '.config/fish/completions');
    mkdirSync(completions, { recursive: true });
    writeFileSync(join(completions, 'ucinder.fish'), readFileSync(join(ROOT, 'completions/ucinder.fish')));
    const shell = { ...home, PATH: pathWithUcinder() };
    // What fish offers on TAB at the end of `line` (candidates without their descriptions).
    const tab = (line: string) =>
      execFileSync('fish', ['-c', 'complete -C $argv[1]', line], { env: shell, encoding: 'utf8', timeout: 60_000 })
        .split('\n')
        .filter(Boolean)
        .map((entry) => entry.split('\t')[0]);
    expect(tab('ucinder volume cr')).toEqual(['create']);
    expect(tab('ucinder volume create --wait-t')).toEqual(['--wait-timeout']);
    expect(tab('ucinder volume list -f ')).toEqual(['table', 'json', 'yaml', 'value', 'csv']);
    // The names come from this test bed through `ucinder completion names volume`; fetched
    // ahead here (no deadline) so that a TAB on a busy machine does not give up on a cold cache.
    expect(await ucinder(['completion', 'names', 'volume', '--refresh'], home)).toMatchObject({ code: 0, stderr: '' });
    expect(tab(`ucinder volume show ${volumeName.slice(0, -3)}`)).toEqual([volumeName]);
  });

  it('zsh: `ucinder volume show <TAB>` offers the cached names through the real bin', async () => {
    const offline = offlineEnv();
    await cacheFor(offline).write('volume', ['zcached-a', 'zcached-b']);
    const dir = join(offline.HOME!, 'zsh');
    mkdirSync(dir);
    writeFileSync(join(dir, '_ucinder'), readFileSync(join(ROOT, 'completions/_ucinder')));
    const out = execFileSync('zsh', ['-f', join(ROOT, 'test/unit/completion/zsh-capture.zsh'), dir, 'ucinder volume show zc'], {
      env: offline,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.split('\n').filter(Boolean)).toEqual(['zcached-a', 'zcached-b']);
  });
});
