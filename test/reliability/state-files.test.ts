import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiRequests, exportingCinder, faultEnv, keystone, passwordEnv, startFaultServer, volumeId, type FaultServer } from '../support/fault-server.js';
import { privateHome, spawnUcinder, ucinder } from '../support/ucinder-process.js';
import { lines, STACK_TRACE } from './helpers/output.js';

/**
 * The files ucinder keeps between runs (discovery cache, completion name
 * cache, connection INI files) under concurrency, SIGKILL, corruption and
 * unwritable directories.
 */
const INITIATOR = ['--initiator', 'iqn.1993-08.org.debian:01:reliability'];

function connectionsDir(env: Record<string, string>): string {
  return join(env.XDG_STATE_HOME!, 'ucinder', 'connections');
}

function cacheDir(env: Record<string, string>): string {
  return join(env.XDG_CACHE_HOME!, 'ucinder');
}

async function connectionRows(env: Record<string, string>): Promise<{ Name: string; ID: string }[]> {
  const run = await ucinder(['connection', 'list', '-f', 'json'], env);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { Name: string; ID: string }[];
}

/** Starts ucinder and SIGKILLs it after `ms`; resolves true when it was killed (not finished) by then. */
function killAfter(args: string[], env: Record<string, string>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawnUcinder(args, env, { spawn: { stdio: 'ignore' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

describe('state files', () => {
  let server: FaultServer;

  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.setFault(exportingCinder('chap-secret-state'));
  });

  it('10 concurrent processes share a cold discovery cache: all succeed, one valid file, no temp files left', async () => {
    const env = faultEnv(server, privateHome());
    const runs = await Promise.all(Array.from({ length: 10 }, () => ucinder(['volume', 'list', '-f', 'value', '-c', 'Name'], env)));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('vol-a\n');
    }
    const files = readdirSync(cacheDir(env));
    expect(files.filter((name) => name.startsWith('discovery-'))).toHaveLength(1);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const cached = JSON.parse(readFileSync(join(cacheDir(env), files.find((name) => name.startsWith('discovery-'))!), 'utf8'));
    expect(cached.range.max).toEqual({ major: 3, minor: 70 });
  });

  it('8 concurrent init-connects of different volumes and 4 of the same one: every entry recorded, no locks left', async () => {
    const env = faultEnv(server, privateHome());
    const distinct = Array.from({ length: 8 }, (_, i) => ucinder(['init-connect', volumeId(i + 1), ...INITIATOR], env));
    const same = Array.from({ length: 4 }, () => ucinder(['init-connect', volumeId(100), ...INITIATOR], env));
    const runs = await Promise.all([...distinct, ...same]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const rows = await connectionRows(env);
    expect(rows.map((row) => row.Name).sort()).toEqual([...Array.from({ length: 8 }, (_, i) => `vol-${i + 1}`), 'vol-100'].sort());
    const leftovers = readdirSync(connectionsDir(env)).filter((name) => !name.endsWith('.ini'));
    expect(leftovers).toEqual([]);
  });

  it('8 concurrent `completion names volume` on a cold name cache: no errors, then a valid cache', async () => {
    const env = faultEnv(server, privateHome());
    const runs = await Promise.all(Array.from({ length: 8 }, () => ucinder(['completion', 'names', 'volume'], env)));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      // A cold TAB gives the cloud one second, by design; a busy machine may get nothing yet.
      expect(['vol-a\n', '']).toContain(run.stdout);
    }
    // Within a few seconds (a background refresh at worst) the cache answers.
    let names = '';
    for (let tries = 0; tries < 20 && names !== 'vol-a\n'; tries++) {
      names = (await ucinder(['completion', 'names', 'volume'], env)).stdout;
      if (names !== 'vol-a\n') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(names).toBe('vol-a\n');
    const files = readdirSync(cacheDir(env)).filter((name) => name.startsWith('completion-') && name.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const name of files) expect(() => JSON.parse(readFileSync(join(cacheDir(env), name), 'utf8'))).not.toThrow();
  });

  it('8 concurrent password-auth processes on a cold token cache: all succeed, one valid token file; a corrupt one means re-auth', async () => {
    const issued = { count: 0 };
    server.setFault(keystone('ks-token-state', () => server.url, issued));
    const env = passwordEnv(server, privateHome(), 'pw-state');
    const runs = await Promise.all(Array.from({ length: 8 }, () => ucinder(['volume', 'list', '-f', 'value', '-c', 'Name'], env)));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('vol-a\n');
    }
    const dir = join(cacheDir(env), 'tokens');
    const files = readdirSync(dir);
    expect(files.filter((name) => name.endsWith('.json'))).toHaveLength(1);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')).token).toBe('ks-token-state');
    // Warm: no new token.
    const before = issued.count;
    expect((await ucinder(['volume', 'list'], env)).code).toBe(0);
    expect(issued.count).toBe(before);
    // Corrupt: a miss, a new token, the file rewritten.
    writeFileSync(join(dir, files[0]!), '{"token": "trunc');
    const run = await ucinder(['volume', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(issued.count).toBe(before + 1);
    expect(JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')).token).toBe('ks-token-state');
  });

  it('SIGKILL during writes: nothing half-written, stale locks broken, the next run succeeds', async () => {
    const env = faultEnv(server, privateHome());
    // Record two connections that must survive the massacre.
    for (const n of [1, 2]) expect((await ucinder(['init-connect', volumeId(n), ...INITIATOR], env)).code).toBe(0);
    const before = await connectionRows(env);
    // 16 processes re-initializing the same and other volumes, killed at staggered moments.
    const killed = await Promise.all(Array.from({ length: 16 }, (_, i) => killAfter(['init-connect', volumeId((i % 4) + 1), ...INITIATOR], env, 40 + i * 40)));
    // Staggered from start-up to the last write: some must really have died mid-way.
    expect(killed.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    // Every file still parses: no warnings about damaged files, the earlier entries intact.
    const list = await ucinder(['connection', 'list', '-f', 'json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toBe('');
    const after = JSON.parse(list.stdout) as { Name: string; ID: string }[];
    for (const row of before) expect(after).toContainEqual(expect.objectContaining({ Name: row.Name, ID: row.ID }));
    // Locks left by killed owners do not block anyone.
    for (const n of [1, 2, 3, 4]) {
      const run = await ucinder(['init-connect', volumeId(n), ...INITIATOR], env);
      expect(run.code, run.stderr).toBe(0);
    }
    expect((await connectionRows(env)).map((row) => row.Name).sort()).toEqual(['vol-1', 'vol-2', 'vol-3', 'vol-4']);
    // The discovery cache written meanwhile is valid JSON or absent.
    for (const name of readdirSync(cacheDir(env)).filter((file) => file.startsWith('discovery-'))) {
      expect(() => JSON.parse(readFileSync(join(cacheDir(env), name), 'utf8'))).not.toThrow();
    }
  });

  it('corrupt discovery and completion caches are ignored and rewritten', async () => {
    const env = faultEnv(server, privateHome());
    expect((await ucinder(['volume', 'list'], env)).code).toBe(0);
    expect((await ucinder(['completion', 'names', 'volume'], env)).code).toBe(0);
    const dir = cacheDir(env);
    // The cache files themselves (not the compiled-code cache's directory).
    const files = readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isFile() ? [entry.name] : []));
    const damaged = ['{"root": "http://', '', '\u0000\u0001garbage', '[]'];
    files.forEach((name, i) => {
      writeFileSync(join(dir, name), damaged[i % damaged.length]!);
    });
    server.requests.length = 0;
    const run = await ucinder(['volume', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('vol-a\n');
    expect(run.stderr).toBe('');
    // The damaged discovery file meant "discover again", then it was rewritten.
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/' });
    const discovery = readdirSync(dir).find((name) => name.startsWith('discovery-'))!;
    expect(JSON.parse(readFileSync(join(dir, discovery), 'utf8')).range.max.minor).toBe(70);
    const names = await ucinder(['completion', 'names', 'volume'], env);
    expect(names.code, names.stderr).toBe(0);
    expect(names.stdout).toContain('vol-a');
  });

  it('a corrupt connection file is reported in one line, others still listed, and a new init-connect replaces it', async () => {
    const env = faultEnv(server, privateHome());
    for (const n of [1, 2]) expect((await ucinder(['init-connect', volumeId(n), ...INITIATOR], env)).code).toBe(0);
    const dir = connectionsDir(env);
    const [first] = readdirSync(dir).filter((name) => name.startsWith('vol-1.'));
    writeFileSync(join(dir, first!), '[volume]\nname = vol-1\n[connection\ngarbage');
    const list = await ucinder(['connection', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toBe('vol-2\n');
    expect(lines(list.stderr)).toHaveLength(1);
    expect(list.stderr).toContain(`skipping ${join(dir, first!)}`);
    expect(list.stderr).not.toMatch(STACK_TRACE);
    const again = await ucinder(['init-connect', volumeId(1), ...INITIATOR], env);
    expect(again.code, again.stderr).toBe(0);
    expect((await connectionRows(env)).map((row) => row.Name).sort()).toEqual(['vol-1', 'vol-2']);
  });

  it('a missing state directory is created (0700) on first use', async () => {
    const env = faultEnv(server, privateHome());
    const nested = join(env.HOME!, 'does', 'not', 'exist', 'yet');
    const run = await ucinder(['init-connect', volumeId(7), ...INITIATOR, '--state-dir', nested], env);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(nested, 'connections')).filter((name) => name.endsWith('.ini'))).toHaveLength(1);
  });

  describe('unwritable state directory', () => {
    // root ignores permission bits: run ucinder as nobody then.
    const asNobody = { spawn: process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {} };
    let env: Record<string, string>;
    let stateDir: string;
    let cachedFile: string;
    let cachedText: string;

    beforeAll(async () => {
      const home = mkdtempSync(join(tmpdir(), 'ucinder-ro-'));
      chmodSync(home, 0o755);
      env = { ...faultEnv(server, { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') }) };
      server.setFault(exportingCinder('chap-secret-state'));
      // Record one connection while the directory is writable, as root would.
      stateDir = join(home, 'state', 'ucinder');
      expect((await ucinder(['init-connect', volumeId(1), ...INITIATOR], env)).code).toBe(0);
      const dir = join(stateDir, 'connections');
      cachedFile = join(dir, readdirSync(dir).find((name) => name.endsWith('.ini'))!);
      cachedText = readFileSync(cachedFile, 'utf8');
      for (const path of [home, join(home, 'state'), stateDir, dir]) chmodSync(path, 0o555);
      chmodSync(cachedFile, 0o644);
      mkdirSync(join(home, 'cache', 'ucinder'), { recursive: true });
      chmodSync(join(home, 'cache', 'ucinder'), 0o555);
      chmodSync(join(home, 'cache'), 0o555);
    });

    it('init-connect refuses in one line before asking Cinder to export anything', async () => {
      server.requests.length = 0;
      const run = await ucinder(['init-connect', volumeId(2), ...INITIATOR], env, asNobody);
      expect(run.code).toBe(1);
      expect(lines(run.stderr), run.stderr).toHaveLength(1);
      expect(run.stderr).toContain(`cannot write the connection cache in ${join(stateDir, 'connections')}`);
      expect(run.stderr).toContain('--state-dir');
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(apiRequests(server).filter((request) => request.method === 'POST')).toEqual([]);
      // Nothing lost: the earlier record is intact.
      expect(readFileSync(cachedFile, 'utf8')).toBe(cachedText);
    });

    it('reading still works: connection list, and volume list with a read-only discovery cache', async () => {
      const list = await ucinder(['connection', 'list', '-f', 'value', '-c', 'Name'], env, asNobody);
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toBe('vol-1\n');
      const volumes = await ucinder(['volume', 'list', '-f', 'value', '-c', 'Name'], env, asNobody);
      expect(volumes.code, volumes.stderr).toBe(0);
      expect(volumes.stdout).toBe('vol-a\n');
      expect(volumes.stderr).toBe('');
    });

    it('a state path that is not a directory: one clear line', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'ucinder-notdir-')), 'plain-file');
      writeFileSync(file, 'not a directory');
      const run = await ucinder(['init-connect', volumeId(3), ...INITIATOR, '--state-dir', file], faultEnv(server, privateHome()));
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toContain(`cannot write the connection cache in ${file}/connections (ENOTDIR`);
    });
  });
});
