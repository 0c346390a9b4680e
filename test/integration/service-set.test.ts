import { afterAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinderWith, uniqueName } from '../support/ucinder-process.js';

interface ServiceRow {
  Binary: string;
  Host: string;
  Status: string;
  'Disabled Reason': string | null;
  /** With --long: whether the host is frozen (volume host set --disable). */
  Frozen?: boolean;
}

/**
 * volume service set / volume host set on the shared test bed. Every change is
 * undone at once (and again in afterAll): other tests need these services.
 */
describe('volume service set and volume host set against the real Cinder', () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const { cli } = ucinderWith(env);
  const reason = uniqueName('it-sset-reason');

  const service = async (host: string, binary: string): Promise<ServiceRow> => {
    const run = await cli('volume', 'service', 'list', '--long', '--host', host, '--service', binary, '-f', 'json');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as ServiceRow[];
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  afterAll(async () => {
    // Whatever the tests did: a service left disabled would stop every later file's creates on that backend.
    // Cinder refuses to thaw a host that is not frozen: only a frozen one is thawed.
    const thaw = (await service('node1@mmj2', 'cinder-volume')).Frozen ? [['volume', 'host', 'set', '--enable', 'node1@mmj2']] : [];
    for (const args of [...thaw, ['volume', 'service', 'set', '--enable', 'node1@mmj2', 'cinder-volume'], ['volume', 'service', 'set', '--enable', 'node1', 'cinder-scheduler']]) {
      expectCleanedUp(await cli(...args), args.join(' '));
    }
  });

  it('disables a service with a reason and enables it again', async () => {
    // The scheduler: Cinder keeps scheduling through a disabled scheduler, so other tests are unaffected.
    try {
      const disable = await cli('volume', 'service', 'set', '--disable', '--disable-reason', reason, 'node1', 'cinder-scheduler');
      expect(disable).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(await service('node1', 'cinder-scheduler')).toMatchObject({ Status: 'disabled', 'Disabled Reason': reason });
    } finally {
      const enable = await cli('volume', 'service', 'set', '--enable', 'node1', 'cinder-scheduler');
      expect(enable.code).toBe(0);
    }
    expect((await service('node1', 'cinder-scheduler')).Status).toBe('enabled');
  });

  it('freezes a backend host (its service shows disabled, reason frozen) and thaws it', async () => {
    try {
      expect((await cli('volume', 'host', 'set', '--disable', 'node1@mmj2')).code).toBe(0);
      expect(await service('node1@mmj2', 'cinder-volume')).toMatchObject({ Status: 'disabled', 'Disabled Reason': 'frozen' });
    } finally {
      expect((await cli('volume', 'host', 'set', '--enable', 'node1@mmj2')).code).toBe(0);
    }
    expect((await service('node1@mmj2', 'cinder-volume')).Status).toBe('enabled');
  });

  it("an unknown service is Cinder's 404", async () => {
    const run = await cli('volume', 'service', 'set', '--enable', 'no-such-host', 'cinder-volume');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ucinder: Service cinder-volume could not be found on host no-such-host\. \(HTTP 404\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
  });

  it('rejects bad flag combinations before sending anything', async () => {
    for (const args of [
      ['volume', 'service', 'set', 'node1', 'cinder-scheduler'],
      ['volume', 'service', 'set', '--enable', '--disable', 'node1', 'cinder-scheduler'],
      ['volume', 'service', 'set', '--enable', '--disable-reason', 'x', 'node1', 'cinder-scheduler'],
      ['volume', 'host', 'set', 'node1@mmj2'],
    ]) {
      const run = await cli('--debug', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toContain('REQ:');
    }
  });
});
