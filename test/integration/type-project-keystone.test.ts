import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { privateHome as isolatedHome, ROOT, ucinder, uniqueName } from '../support/ucinder-process.js';

/**
 * `volume type set/unset --project NAME` under the real Keystone (Zed) and
 * the keystone-auth cinder-api of test/testbed/keystone.sh: the name is
 * resolved to the project's ID, as the openstack client does.
 */
describe('volume type --project by name under Keystone', () => {
  let admin: Record<string, string>;
  let projectId = '';
  const typeName = uniqueName('it-tproj-ks');
  const cli = (...args: string[]) => ucinder(args, admin);
  const accessIds = async () => JSON.parse((await cli('volume', 'type', 'show', typeName, '-f', 'json')).stdout).access_project_ids;

  beforeAll(async () => {
    execFileSync('bash', [join(ROOT, 'test/testbed/keystone.sh'), 'up'], { cwd: ROOT, stdio: 'inherit' });
    const text = execFileSync('bash', [join(ROOT, 'test/testbed/keystone.sh'), 'env'], { encoding: 'utf8' });
    const ks = Object.fromEntries([...text.matchAll(/^export (\w+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
    const openrc = Object.fromEntries(Object.entries(ks).filter(([key]) => key.startsWith('OS_')));
    // The test user's project ID, as Keystone scopes its token.
    const user = await ucinder(['token', 'issue', '-f', 'value', '-c', 'project_id'], { ...isolatedHome(), ...openrc });
    expect(user.code, user.stderr).toBe(0);
    projectId = user.stdout.trim();
    admin = { ...isolatedHome(), ...openrc, OS_USERNAME: 'admin', OS_PASSWORD: ks.UCINDER_KEYSTONE_ADMIN_PASSWORD!, OS_PROJECT_NAME: 'admin' };
    expect((await cli('volume', 'type', 'create', '--private', typeName)).code).toBe(0);
  }, 900_000);

  afterAll(async () => {
    expectCleanedUp(await cli('volume', 'type', 'delete', typeName), `volume type delete ${typeName}`);
  });

  it('set gives the project named access by its ID; unset takes it away', async () => {
    expect(await cli('volume', 'type', 'set', '--project', 'ucinder-project', typeName)).toMatchObject({ code: 0, stderr: '' });
    expect(await accessIds()).toEqual([projectId]);
    expect(await cli('volume', 'type', 'unset', '--project', 'ucinder-project', typeName)).toMatchObject({ code: 0, stderr: '' });
    expect(await accessIds()).toEqual([]);
  });

  it('an unknown project name changes nothing (exit 1)', async () => {
    const run = await cli('volume', 'type', 'set', '--property', 'tier=gold', '--project', 'no-such-project', typeName);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: "ucinder: No project with a name or ID of 'no-such-project' exists.\n" });
    expect(JSON.parse((await cli('volume', 'type', 'show', '--raw', typeName, '-f', 'json')).stdout).extra_specs).toEqual({});
  });
});
