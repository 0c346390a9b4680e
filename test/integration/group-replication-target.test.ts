import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { clusterSh } from './helpers/cluster.js';

/**
 * `volume group replication target list` on the one replicating backend of
 * the test bed: the extra cluster of test/testbed/cluster.sh (backend clbe,
 * zone ucinder-cluster), whose replication_device names the target
 * clbe-replica with an array's connection details, password included.
 * Cinder asks the group's volume service, which answers from its
 * cinder.conf; cinderclient's own command runs side by side.
 */
const env = { ...testbedEnv(), ...privateHome() };
const { cli, json } = ucinderWith(env);
const REPLICA_PASSWORD = 'ucinder-replica-secret';

/** cinderclient, as the test bed's README runs it (noauth). */
function cinder(args: string[]): string {
  return execFileSync('cinder', ['--user-id', 'admin', '--project-id', env.OS_PROJECT_ID!, '--os-endpoint', `${env.OS_ENDPOINT}/v3`, '--os-volume-api-version', '3.38', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: env.HOME, OS_AUTH_TYPE: 'noauth', LANG: 'C.UTF-8' },
  });
}

describe('volume group replication target list, against the replicating cluster backend', () => {
  const made = { groups: [] as string[], groupTypes: [] as string[], types: [] as string[] };
  let replicated = '';
  let plain = '';

  beforeAll(async () => {
    clusterSh(['start']);
    const type = await json('volume', 'type', 'create', '--property', 'volume_backend_name=clbe', '--property', 'replication_enabled=<is> True', uniqueName('it-rep-vt'));
    made.types.push(type.id);
    const group = async (prefix: string, ...specs: string[]) => {
      const groupType = await json('volume', 'group', 'type', 'create', ...specs, uniqueName(`${prefix}-gt`));
      made.groupTypes.push(groupType.ID);
      const created = await json(
        'volume',
        'group',
        'create',
        '--volume-group-type',
        groupType.ID,
        '--volume-type',
        type.id,
        '--availability-zone',
        'ucinder-cluster',
        '--name',
        uniqueName(prefix),
        '--wait',
      );
      made.groups.push(created.ID);
      return created.Name as string;
    };
    replicated = await group('it-rep', '--property', 'consistent_group_replication_enabled=<is> True');
    plain = await group('it-rep-plain');
  }, 600_000);

  afterAll(async () => {
    const batches: [string[], string[]][] = [
      [['volume', 'group', 'delete', '--force', '--wait'], made.groups],
      [['volume', 'group', 'type', 'delete'], made.groupTypes],
      [['volume', 'type', 'delete'], made.types],
    ];
    for (const [command, items] of batches) {
      if (!items.length) continue;
      const run = await ucinder([...command, ...items], env);
      if (run.code !== 0) console.warn(`cleanup: ucinder ${command.join(' ')}: ${run.stderr}`);
    }
    clusterSh(['stop']);
  }, 600_000);

  it('lists the target with every key of replication_device, the password masked; --show-secrets shows it', async () => {
    expect(await json('volume', 'group', 'replication', 'target', 'list', replicated)).toStrictEqual([
      { backend_id: 'clbe-replica', san_ip: '127.0.0.21', san_login: 'ucinder', san_password: '***' },
    ]);
    const shown = await cli('volume', 'group', 'replication', 'target', 'list', '--show-secrets', replicated, '-f', 'value', '-c', 'san_password');
    expect(shown).toMatchObject({ code: 0, stdout: `${REPLICA_PASSWORD}\n` });
  });

  it('the same table as cinder group-list-replication-targets (which prints the password; ucinder needs --show-secrets)', async () => {
    const ours = await cli('volume', 'group', 'replication', 'target', 'list', '--show-secrets', replicated);
    expect(ours.code, ours.stderr).toBe(0);
    expect(ours.stdout).toBe(cinder(['group-list-replication-targets', replicated]));
    expect(ours.stdout).toContain('| clbe-replica |');
  });

  it("a group whose type does not replicate: Cinder's refusal, one line, exit 1", async () => {
    const run = await cli('volume', 'group', 'replication', 'target', 'list', plain);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^ucinder: Invalid group type: Group [0-9a-f-]{36} is not a replication group type\. \(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
  });

  it('below 3.38 it is refused before any request but the version discovery', async () => {
    const run = await cli('--os-volume-api-version', '3.37', 'volume', 'group', 'replication', 'target', 'list', replicated);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^ucinder: 'volume group replication target list' needs Block Storage API microversion 3\.38 or later, but this session uses 3\.37/);
  });
});
