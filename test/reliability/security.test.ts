import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportingCinder, faultEnv, keystone, passwordEnv, startFaultServer, volumeId, type FaultServer } from '../support/fault-server.js';
import { privateHome, ROOT, ucinder } from '../support/ucinder-process.js';
import { lines, STACK_TRACE } from './helpers/output.js';

const TOKEN = 'tok-7f3c9e1d-SECRET-a1b2c3';
const CHAP_SECRET = 'chap-Zq8v-SECRET-Kx2';

describe('secrets never reach --debug output', () => {
  let server: FaultServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startFaultServer();
    server.setFault(exportingCinder(CHAP_SECRET));
    env = { ...faultEnv(server, privateHome()), OS_TOKEN: TOKEN };
  });
  afterAll(() => server.close());

  it('the token is sent but never printed', async () => {
    const run = await ucinder(['--debug', 'volume', 'list'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('REQ: GET');
    expect(run.stderr).toContain('"X-Auth-Token":"***"');
    expect(server.requests.some((r) => r.headers['x-auth-token'] === TOKEN)).toBe(true);
    expect(run.stderr + run.stdout).not.toContain(TOKEN);
    expect(run.stderr + run.stdout).not.toContain('SECRET');
  });

  it('the CHAP secret Cinder returns is never printed (debug log and output), but is cached for connect', async () => {
    const run = await ucinder(['--debug', 'init-connect', volumeId(1), '--initiator', 'iqn.1993-08.org.debian:01:test', '-f', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('RESP: 200');
    expect(run.stderr).toContain('"auth_password":"***"');
    expect(run.stderr + run.stdout).not.toContain(CHAP_SECRET);
    expect(run.stderr + run.stdout).not.toContain(TOKEN);
    const dir = join(env.XDG_STATE_HOME!, 'ucinder', 'connections');
    const files = readdirSync(dir).filter((name) => name.endsWith('.ini'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, files[0]!), 'utf8')).toContain(CHAP_SECRET);
  });

  it('an error response carrying a secret is redacted too', async () => {
    const leaky = await startFaultServer();
    leaky.setFault((request, response) => {
      if (!request.url.includes('/volumes/detail')) return false;
      const body = JSON.stringify({ badRequest: { code: 400, message: 'bad', auth_password: CHAP_SECRET } });
      response.writeHead(400, { 'Content-Type': 'application/json' });
      response.end(body);
      return true;
    });
    try {
      const run = await ucinder(['--debug', 'volume', 'list'], { ...faultEnv(leaky, privateHome()), OS_TOKEN: TOKEN });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('RESP: 400');
      expect(run.stderr).not.toContain(CHAP_SECRET);
      expect(run.stderr).not.toContain(TOKEN);
    } finally {
      await leaky.close();
    }
  });

  it('cache and state files are 0600 in 0700 directories', async () => {
    const cache = join(env.XDG_CACHE_HOME!, 'ucinder');
    const state = join(env.XDG_STATE_HOME!, 'ucinder', 'connections');
    // Every file below them, and every directory (the compiled-code cache is one: cache/ucinder/code).
    const entries = [cache, state].flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).map((entry) => join(entry.parentPath, entry.name)));
    const files = entries.filter((path) => statSync(path).isFile());
    const dirs = [cache, state, ...entries.filter((path) => statSync(path).isDirectory())];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
    for (const dir of dirs) expect((statSync(dir).mode & 0o777).toString(8), dir).toBe('700');
  });
});

describe('Keystone password and token never reach --debug output', () => {
  const PASSWORD = 'pw-9f8e-SECRET-7d6c';
  const KEYSTONE_TOKEN = 'gAAAAA-keystone-SECRET-token';
  let server: FaultServer;

  beforeAll(async () => {
    server = await startFaultServer();
    server.setFault(keystone(KEYSTONE_TOKEN, () => server.url, { count: 0 }));
  });
  afterAll(() => server.close());

  it('password auth works, the password and the issued token appear nowhere in the output', async () => {
    const env = passwordEnv(server, privateHome(), PASSWORD);
    const run = await ucinder(['--debug', 'volume', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('vol-a\n');
    expect(run.stderr).toContain('REQ: POST');
    // Both secrets were really used...
    expect(server.requests.some((r) => r.body.includes(PASSWORD))).toBe(true);
    expect(server.requests.some((r) => r.headers['x-auth-token'] === KEYSTONE_TOKEN)).toBe(true);
    // ...and never shown.
    expect(run.stderr + run.stdout).not.toContain(PASSWORD);
    expect(run.stderr + run.stdout).not.toContain(KEYSTONE_TOKEN);
    expect(run.stderr + run.stdout).not.toContain('SECRET');
    // The token cache holds the token (0600), never the password.
    const dir = join(env.XDG_CACHE_HOME!, 'ucinder', 'tokens');
    const [file] = readdirSync(dir);
    expect((statSync(join(dir, file!)).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
    const text = readFileSync(join(dir, file!), 'utf8');
    expect(text).toContain(KEYSTONE_TOKEN);
    expect(text).not.toContain(PASSWORD);
  });

  it('a wrong password: one line, no secret in it', async () => {
    const failing = await startFaultServer();
    failing.setFault((request, response) => {
      if (!request.url.endsWith('/auth/tokens')) return false;
      const body = '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}';
      response.writeHead(401, { 'Content-Type': 'application/json' });
      response.end(body);
      return true;
    });
    try {
      const run = await ucinder(['--debug', 'volume', 'list'], passwordEnv(failing, privateHome(), PASSWORD));
      expect(run.code).toBe(1);
      expect(run.stderr).not.toContain(PASSWORD);
      const errors = lines(run.stderr).filter((line) => line.startsWith('ucinder:'));
      expect(errors).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});

describe('TLS', () => {
  let server: FaultServer;
  let certFile: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ucinder-tls-'));
    const keyFile = join(dir, 'key.pem');
    certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile],
      { stdio: 'ignore' },
    );
    server = await startFaultServer({ tls: { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') } });
    env = faultEnv(server, privateHome());
  });
  afterAll(() => server.close());

  it('verifies certificates by default: a self-signed one fails with a hint', async () => {
    expect(server.url).toMatch(/^https:/);
    const run = await ucinder(['volume', 'list'], env);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('TLS certificate is self-signed (use --os-cacert FILE, or --insecure)');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(server.requests).toEqual([]);
  });

  it('--os-cacert with the certificate works, silently', async () => {
    const run = await ucinder(['--os-cacert', certFile, 'volume', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('vol-a\n');
    expect(run.stderr).toBe('');
  });

  it('OS_CACERT works like --os-cacert', async () => {
    const run = await ucinder(['volume', 'list', '-f', 'value', '-c', 'Name'], { ...env, OS_CACERT: certFile });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('vol-a\n');
  });

  it('--insecure works and warns on stderr', async () => {
    const run = await ucinder(['--insecure', 'volume', 'list', '-f', 'value', '-c', 'Name'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('vol-a\n');
    expect(run.stderr).toBe('ucinder: warning: TLS certificate verification is disabled (--insecure)\n');
  });
});

describe('no shell is ever invoked with user-supplied strings', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  }

  it('src/ uses only spawn from child_process, never with a shell', () => {
    const users: string[] = [];
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (!/node:child_process|'child_process'/.test(text)) continue;
      users.push(relative(ROOT, file));
      const imported = /import\s*\{([^}]*)\}\s*from\s*'node:child_process'/.exec(text)?.[1] ?? '';
      // exec/execSync take a command line that a shell parses.
      expect(
        imported
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
        file,
      ).toEqual(['spawn']);
      expect(text, file).not.toMatch(/shell:\s*true/);
      expect(text, file).not.toMatch(/spawn\(\s*['"`](\/bin\/)?(ba|z|da)?sh['"`]/);
    }
    // The host command runner and the detached start of the completion refresher; a new user of child_process must be reviewed here.
    expect(users.sort()).toEqual(['src/host/detached.ts', 'src/host/runner.ts']);
  });

  it('a volume name full of shell syntax reaches the server as data and runs nothing', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'ucinder-shell-')), 'pwned');
    const server = await startFaultServer();
    try {
      const name = `x$(touch ${marker}); touch ${marker}; \`touch ${marker}\``;
      const run = await ucinder(['volume', 'delete', name], faultEnv(server, privateHome()));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`No volume with a name or ID of '${name}' exists.`);
      expect(server.requests.some((r) => r.url.includes(encodeURIComponent(name)))).toBe(true);
      expect(existsSync(marker)).toBe(false);
    } finally {
      await server.close();
    }
  });
});
