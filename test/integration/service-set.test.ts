import { describe, expect, it } from 'vitest';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { EXTRA_CLUSTER_HOSTS, withExtraCluster } from './helpers/cluster.js';

interface ServiceRow {
  Binary: string;
  Host: string;
  Status: string;
  'Disabled Reason': string | null;
  /** With --long: whether the host is frozen (volume host set --disable). */
  Frozen?: boolean;
}

/**
 * volume service set / volume host set on the extra cluster's services
 * (test/testbed/cluster.sh), never the test bed's own: files of the other
 * integration project create volumes on node1's backends meanwhile, and a
 * disabled or frozen node1@mmj2 would fail them.
 */
describe('volume service set and volume host set against the real Cinder', () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const { cli } = ucinderWith(env);
  const reason = uniqueName('it-sset-reason');
  const host = EXTRA_CLUSTER_HOSTS[0]!;
  withExtraCluster();

  const services = async (): Promise<ServiceRow[]> => {
    const run = await cli('volume', 'service', 'list', '--long', '--service', 'cinder-volume', '-f', 'json');
    expect(run.code).toBe(0);
    return (JSON.parse(run.stdout) as ServiceRow[]).filter((row) => EXTRA_CLUSTER_HOSTS.includes(row.Host));
  };
  const service = async (): Promise<ServiceRow> => {
    const run = await cli('volume', 'service', 'list', '--long', '--host', host, '--service', 'cinder-volume', '-f', 'json');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as ServiceRow[];
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('disables a service with a reason and enables it again', async () => {
    try {
      const disable = await cli('volume', 'service', 'set', '--disable', '--disable-reason', reason, host, 'cinder-volume');
      expect(disable).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(await service()).toMatchObject({ Status: 'disabled', 'Disabled Reason': reason });
    } finally {
      const enable = await cli('volume', 'service', 'set', '--enable', host, 'cinder-volume');
      expect(enable.code).toBe(0);
    }
    expect((await service()).Status).toBe('enabled');
  });

  it('freezes a backend host: a clustered one freezes its whole cluster (Frozen on both nodes), and thaws it', async () => {
    // Which node's row the volume service then disables depends on which node takes the message: only the flag is certain.
    try {
      expect(await cli('volume', 'host', 'set', '--disable', host)).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect((await services()).map((row) => [row.Host, row.Frozen]).sort()).toEqual(EXTRA_CLUSTER_HOSTS.map((name) => [name, true]));
    } finally {
      expect((await cli('volume', 'host', 'set', '--enable', host)).code).toBe(0);
    }
    expect((await services()).map((row) => [row.Host, row.Frozen]).sort()).toEqual(EXTRA_CLUSTER_HOSTS.map((name) => [name, false]));
  });

  it("an unknown service is Cinder's 404", async () => {
    const run = await cli('volume', 'service', 'set', '--enable', 'no-such-host', 'cinder-volume');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ucinder: Service cinder-volume could not be found on host no-such-host\. \(HTTP 404\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
  });

  it('rejects bad flag combinations before sending anything', async () => {
    for (const args of [
      ['volume', 'service', 'set', host, 'cinder-volume'],
      ['volume', 'service', 'set', '--enable', '--disable', host, 'cinder-volume'],
      ['volume', 'service', 'set', '--enable', '--disable-reason', 'x', host, 'cinder-volume'],
      ['volume', 'host', 'set', host],
    ]) {
      const run = await cli('--debug', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toContain('REQ:');
    }
  });
});
