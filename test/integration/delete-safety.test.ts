import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { BIN, privateHome as isolatedHome, ucinder, uniqueName } from '../support/ucinder-process.js';
import { testbedEnv } from '../support/testbed.js';

/**
 * Deletes that scripts repeat, against the real Cinder: a retry must never
 * hit another volume, and two deletes of one volume must both succeed.
 */
describe('delete safety against the real Cinder', () => {
  let env: Record<string, string>;
  const created: string[] = [];
  const cli = (...args: string[]) => ucinder(args, env);
  async function newVolume(name: string): Promise<string> {
    const run = await cli('volume', 'create', '--size', '1', '--wait', '-f', 'value', '-c', 'id', name);
    expect(run.code).toBe(0);
    const id = run.stdout.trim();
    created.push(id);
    return id;
  }

  beforeAll(() => {
    env = { ...testbedEnv(), ...isolatedHome() };
  });

  afterEach(async () => {
    // Whatever a test left: already gone is fine, anything else fails the test.
    for (const id of created.splice(0)) expectCleanedUp(await cli('volume', 'delete', '--force', '--wait', id), `volume delete ${id}`);
  });

  it('a retried delete of a gone ID refuses the volume NAMED after that ID, and init-connect does too (exit 1)', async () => {
    const first = await newVolume(uniqueName('it-idsafe'));
    const namedLikeIt = await newVolume(first);

    expect(await cli('volume', 'delete', '--wait', first)).toMatchObject({ code: 0, stdout: '' });
    const retry = await cli('volume', 'delete', first);
    expect(retry).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr: `ucinder: no volume has ID ${first}; volume ${namedLikeIt} is NAMED '${first}' — refusing to delete it by name; pass its ID (${namedLikeIt}) if you mean it\n`,
    });
    const connect = await ucinder(['init-connect', first], { ...env, UCINDER_STATE_DIR: join(env.HOME!, 'state') });
    expect(connect.code).toBe(1);
    expect(connect.stderr).toBe(
      `ucinder: no volume has ID ${first}; volume ${namedLikeIt} is NAMED '${first}' — refusing to connect it by name; pass its ID (${namedLikeIt}) if you mean it\n`,
    );
    const survivor = await cli('volume', 'show', namedLikeIt, '-f', 'value', '-c', 'status');
    expect(survivor).toMatchObject({ code: 0, stdout: 'available\n' });
  });

  describe('two deletes of one volume', () => {
    let lock: ChildProcess | undefined;
    let waiting: ChildProcess | undefined;
    afterEach(() => {
      lock?.stdin?.end();
      waiting?.kill();
      lock = waiting = undefined;
    });

    /**
     * Keeps the volume `deleting`: cinder-volume's delete_volume holds the
     * tooz lock "<id>-delete_volume" (a file lock under [coordination]
     * backend_url), so holding that lock ourselves stalls the deletion
     * until we let go, however fast the test bed's driver is.
     */
    async function holdDeleteLock(volumeId: string): Promise<ChildProcess> {
      const conf = readFileSync(join(process.env.UCINDER_TESTBED_DIR ?? '/var/tmp/ucinder-testbed', 'etc/cinder.conf'), 'utf8');
      const toozDir = /^backend_url\s*=\s*file:\/\/(\S+)$/m.exec(conf)![1]!;
      const holder = spawn(
        'python3',
        [
          '-c',
          [
            'import fcntl, sys',
            `f = open(${JSON.stringify(join(toozDir, `cinder-${volumeId}-delete_volume`))}, "a")`,
            'fcntl.lockf(f, fcntl.LOCK_EX)',
            'print("locked", flush=True)',
            'sys.stdin.read()',
          ].join('\n'),
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      await lineFrom(holder, 'stdout', /locked/);
      return holder;
    }

    it('Cinder refuses the second DELETE with a 400 that does not say why; ucinder checks the status and succeeds, and --wait waits for the first', async () => {
      const id = await newVolume(uniqueName('it-twice'));
      lock = await holdDeleteLock(id);
      expect(await cli('volume', 'delete', id)).toMatchObject({ code: 0, stderr: '' });

      // What Cinder itself answers (the unit tests mirror this text).
      const raw = await fetch(`${env.OS_ENDPOINT}/v3/${env.OS_PROJECT_ID}/volumes/${id}`, { method: 'DELETE', headers: { 'X-Auth-Token': env.OS_TOKEN! } });
      expect(raw.status).toBe(400);
      expect(await raw.json()).toEqual({
        badRequest: {
          code: 400,
          message:
            'Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.',
        },
      });

      expect(await cli('volume', 'delete', id)).toEqual({
        code: 0,
        signal: null,
        stdout: '',
        stderr: `volume '${id}' is already being deleted (status 'deleting')\n`,
      });

      waiting = spawn(process.execPath, [BIN, 'volume', 'delete', '--wait', '--wait-timeout', '90', id], { env: { PATH: process.env.PATH, ...env } });
      const done = exitOf(waiting);
      await lineFrom(waiting, 'stderr', /is already being deleted/);
      lock.stdin!.end(); // the first deletion may go on now
      const { code, stderr } = await done;
      expect(code).toBe(0);
      expect(stderr).toMatch(new RegExp(`^Deleting 1 volume\\nvolume '${id}' is already being deleted \\(status 'deleting'\\)\\n[\\s\\S]*1 volume deleted\\n$`));
      expect((await cli('volume', 'show', id)).code).toBe(1);
    });
  });
});

/** Resolves once the stream of `child` has printed a line matching `pattern`. */
function lineFrom(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    child[stream]!.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (pattern.test(text)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`exited (${code}) before printing ${pattern}: ${text}`)));
  });
}

/** The exit code and the whole stderr of `child`. */
function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
