import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/cli/settings.js';
import { NAME_CACHE_TTL_MS, NameCache, nameScope } from '../../src/state/name-cache.js';
import type { NameKind } from '../../src/completion/name-kinds.js';
import { cacheDir } from '../../src/state/paths.js';
import { BIN, ROOT, isolatedHome, testbedEnv, ucinder, uniqueName } from './helpers/ucinder.js';

/** The cache `ucinder completion names` uses under `env`, optionally with a clock `offsetMs` off. */
function cacheFor(env: Record<string, string>, offsetMs = 0): NameCache {
  return new NameCache(cacheDir(env), nameScope(resolveSettings({}, env)), () => Date.now() + offsetMs);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** `ucinder` on $PATH, as an installed completion script expects. */
function pathWithUcinder(): string {
  const dir = join(isolatedHome().HOME, 'bin');
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

describe('completion against the real Cinder', () => {
  let env: Record<string, string>;
  const volumeName = uniqueName('it-completion-vol');
  const typeName = uniqueName('it-completion-type');

  beforeAll(async () => {
    env = { ...testbedEnv(), ...isolatedHome() };
    expect((await ucinder(['volume', 'type', 'create', typeName], env)).code).toBe(0);
    expect((await ucinder(['volume', 'create', '--size', '1', volumeName], env)).code).toBe(0);
  });

  afterAll(async () => {
    await ucinder(['volume', 'delete', '--wait', volumeName], env);
    await ucinder(['volume', 'type', 'delete', typeName], env);
  });

  it('lists volume, type, host and service names from the cloud and caches them', async () => {
    const names = async (kind: NameKind) => {
      const run = await ucinder(['completion', 'names', kind], env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return run.stdout.split('\n').filter(Boolean);
    };
    expect(await names('volume')).toContain(volumeName);
    expect(await names('type')).toContain(typeName);
    expect(await names('host')).toEqual(expect.arrayContaining(['node1@mmj', 'node1@mmj2']));
    expect(await names('service')).toEqual(expect.arrayContaining(['cinder-volume', 'cinder-scheduler']));
    expect((await cacheFor(env).read('volume'))?.names).toContain(volumeName);
  });

  it('answers a stale cache at once and refreshes it in a detached process', async () => {
    const home = { ...env, ...isolatedHome() };
    await cacheFor(home, -(NAME_CACHE_TTL_MS + 1000)).write('type', ['it-completion-stale']);
    const run = await ucinder(['completion', 'names', 'type'], home);
    expect(run.stdout).toBe('it-completion-stale\n');
    const cache = cacheFor(home);
    const refreshed = await eventually(() => {
      const file = JSON.parse(readFileSync(cache.fileFor('type'), 'utf8')) as { names: string[] };
      return file.names.includes(typeName);
    }, 20_000);
    expect(refreshed).toBe(true);
    expect(await eventually(() => !existsSync(`${cache.fileFor('type')}.refreshing`), 5000)).toBe(true);
  });

  it('gives a silent cloud about a second, then returns nothing', async () => {
    // Accepts connections and never answers.
    const sockets: Socket[] = [];
    const server: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    // UCINDER_TIMEOUT bounds the background refresh this starts.
    const silent = { ...isolatedHome(), OS_ENDPOINT: `http://127.0.0.1:${port}`, OS_PROJECT_ID: env.OS_PROJECT_ID!, UCINDER_TIMEOUT: '2' };
    const started = Date.now();
    const run = await ucinder(['completion', 'names', 'volume'], silent);
    const elapsed = Date.now() - started;
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(4000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (const socket of sockets) socket.destroy();
    server.close();
  });

  it('bash: `ucinder volume show <TAB>` offers the cached names, with no request', async () => {
    // A closed port: any request would fail, so the names can only come from the cache.
    const offline = { ...isolatedHome(), OS_ENDPOINT: 'http://127.0.0.1:9', OS_PROJECT_ID: 'p-offline', PATH: pathWithUcinder() };
    await cacheFor(offline).write('volume', ['cached-a', 'cached-b', 'other']);
    expect(bashTab(['ucinder', 'volume', 'show', 'cached-'], offline)).toEqual(['cached-a', 'cached-b']);
    expect(bashTab(['ucinder', 'volume', 'delete', 'cached-a', ''], offline)).toEqual(['cached-a', 'cached-b', 'other']);
  });

  it('zsh: `ucinder volume show <TAB>` offers the cached names through the real bin', async () => {
    const home = isolatedHome();
    const offline = { ...home, OS_ENDPOINT: 'http://127.0.0.1:9', OS_PROJECT_ID: 'p-offline', PATH: pathWithUcinder() };
    await cacheFor(offline).write('volume', ['zcached-a', 'zcached-b']);
    const dir = join(home.HOME, 'zsh');
    mkdirSync(dir);
    writeFileSync(join(dir, '_ucinder'), readFileSync(join(ROOT, 'completions/_ucinder')));
    const out = execFileSync('zsh', ['-f', join(ROOT, 'test/unit/completion/zsh-capture.zsh'), dir, 'ucinder volume show zc'], {
      env: offline,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.split('\n').filter(Boolean)).toEqual(['zcached-a', 'zcached-b']);
  });

  it('a warm TAB costs little more than starting node: medians of 20 runs', async () => {
    // Offline, so a refresh started once the 30 s TTL passes mid-test cannot swap the names.
    const warm = { ...isolatedHome(), OS_ENDPOINT: 'http://127.0.0.1:9', OS_PROJECT_ID: 'p-offline', PATH: pathWithUcinder() };
    const seed = () => cacheFor(warm).write('volume', Array.from({ length: 200 }, (_, i) => `vol-${i}`));
    await seed();
    const wallMs = (file: string, args: string[]) => {
      const started = performance.now();
      execFileSync(file, args, { env: warm, stdio: 'ignore' });
      return performance.now() - started;
    };
    // Interleaved, so a busy machine slows both alike.
    const bareNode: number[] = [];
    const names: number[] = [];
    for (let i = 0; i < 20; i++) {
      bareNode.push(wallMs(process.execPath, ['-e', '0']));
      names.push(wallMs(BIN, ['completion', 'names', 'volume']));
    }
    await seed();
    // Full TABs as a shell runs them (the script sourced once, then _ucinder per
    // TAB), interleaved with the bare `ucinder completion names volume` they run.
    const timings = execFileSync(
      'bash',
      [
        '--norc',
        '--noprofile',
        '-c',
        `source "$1"
        ms() { echo $(( (\${2/./} - \${1/./}) / 1000 )); }
        for i in {1..20}; do
          start=$EPOCHREALTIME; ucinder completion names volume >/dev/null; end=$EPOCHREALTIME
          direct=$(ms $start $end)
          COMP_WORDS=(ucinder volume show vol-19); COMP_CWORD=3
          start=$EPOCHREALTIME; _ucinder; end=$EPOCHREALTIME
          [[ \${#COMPREPLY[@]} == 11 ]] || { echo "wrong COMPREPLY: \${COMPREPLY[*]}" >&2; exit 1; }
          echo "$(ms $start $end) $direct"
        done`,
        'bash',
        join(ROOT, 'completions/ucinder.bash'),
      ],
      { env: warm, encoding: 'utf8' },
    );
    const rows = timings.trim().split('\n').map((line) => line.split(' ').map(Number));
    expect(rows).toHaveLength(20);
    const tabs = rows.map((row) => row[0]!);
    const direct = rows.map((row) => row[1]!);
    console.log(
      `medians: node -e 0 ${median(bareNode).toFixed(0)} ms, ucinder completion names volume ${median(names).toFixed(0)} ms; ` +
        `in bash: full TAB (ucinder volume show vol-19<TAB>) ${median(tabs)} ms, the names command alone ${median(direct)} ms`,
    );
    // ~100 ms on an idle machine, about twice a bare node start; the bounds
    // scale with the machine's load instead of failing on a busy CI box.
    expect(median(names)).toBeLessThan(2.5 * median(bareNode) + 50);
    expect(median(tabs)).toBeLessThan(1.5 * median(direct) + 50);
  }, 180_000);
});
