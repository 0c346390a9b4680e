import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { keystoneEnv } from '../support/testbed.js';
import { privateHome as isolatedHome, ROOT, ucinder, uniqueName } from '../support/ucinder-process.js';

/**
 * `volume type default set/list/unset` (API 3.62) under the real Keystone of
 * test/testbed/keystone.sh: Cinder asks Keystone whether the project exists,
 * which the noauth test bed cannot answer (HTTP 500 there). The project is
 * Keystone's `service` project, where no test creates volumes, so the
 * default set here changes nothing for other tests; it is unset afterwards.
 */
describe('volume type default under Keystone', () => {
  let admin: Record<string, string>;
  let serviceId = '';
  const typeName = uniqueName('it-tdefault');
  const cli = (...args: string[]) => ucinder(args, admin);
  const json = async (...args: string[]) => {
    const run = await cli(...args, '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  beforeAll(async () => {
    execFileSync('bash', [join(ROOT, 'test/testbed/keystone.sh'), 'up'], { cwd: ROOT, stdio: 'inherit' });
    const ks = keystoneEnv();
    const openrc = Object.fromEntries(Object.entries(ks).filter(([key]) => key.startsWith('OS_')));
    admin = { ...isolatedHome(), ...openrc, OS_USERNAME: 'admin', OS_PASSWORD: ks.UCINDER_KEYSTONE_ADMIN_PASSWORD!, OS_PROJECT_NAME: 'admin' };
    expect((await cli('volume', 'type', 'create', typeName)).code).toBe(0);
  }, 900_000);

  afterAll(async () => {
    // A type that is some project's default cannot be deleted: unset first, whatever the tests did
    // (Cinder's 404 says there was none left to unset).
    const unset = await cli('volume', 'type', 'default', 'unset', '--project', 'service');
    if (!/could not be found\. \(HTTP 404\)$/m.test(unset.stderr)) expectCleanedUp(unset, 'volume type default unset --project service');
    expectCleanedUp(await cli('volume', 'type', 'delete', typeName), `volume type delete ${typeName}`);
  });

  it('set by project name and type name; list shows it; unset removes it', async () => {
    const set = await json('volume', 'type', 'default', 'set', typeName, '--project', 'service');
    const typeId = (await json('volume', 'type', 'show', typeName)).id;
    serviceId = set.project_id;
    expect(set).toEqual({ project_id: expect.stringMatching(/^[0-9a-f]{32}$/), volume_type_id: typeId });

    expect(await json('volume', 'type', 'default', 'list')).toContainEqual({ 'Volume Type ID': typeId, 'Project ID': serviceId });
    expect(await json('volume', 'type', 'default', 'list', '--project', serviceId)).toEqual([{ 'Volume Type ID': typeId, 'Project ID': serviceId }]);

    expect(await cli('volume', 'type', 'default', 'unset', '--project', 'service')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const none = await cli('volume', 'type', 'default', 'list', '--project', 'service');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(new RegExp(`^ucinder: Default type for project ${serviceId} not found\\. \\(HTTP 404\\)`));
    expect((await json('volume', 'type', 'default', 'list')).map((row: Record<string, string>) => row['Project ID'])).not.toContain(serviceId);
  });

  it('an unknown project or type fails before anything is set (exit 1)', async () => {
    expect(await cli('volume', 'type', 'default', 'set', typeName, '--project', 'no-such-project')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "ucinder: No project with a name or ID of 'no-such-project' exists.\n",
    });
    expect(await cli('volume', 'type', 'default', 'set', uniqueName('no-such-type'), '--project', 'service')).toMatchObject({ code: 1, stdout: '' });
  });

  it('volume type create --private --project NAME gives the named project access', async () => {
    const name = uniqueName('it-tdefault-priv');
    const created = await cli('volume', 'type', 'create', '--private', '--project', 'service', name, '-f', 'value', '-c', 'id');
    try {
      expect(created.code, created.stderr).toBe(0);
      const serviceProject = (await json('volume', 'type', 'default', 'set', typeName, '--project', 'service')).project_id;
      expect(await cli('volume', 'type', 'default', 'unset', '--project', 'service')).toMatchObject({ code: 0 });
      expect((await json('volume', 'type', 'show', name)).access_project_ids).toEqual([serviceProject]);
    } finally {
      expectCleanedUp(await cli('volume', 'type', 'delete', name), `volume type delete ${name}`);
    }
  });

  it('below API 3.62 the command stops before any request', async () => {
    const run = await cli('--os-volume-api-version', '3.61', 'volume', 'type', 'default', 'list');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ucinder: the default-types API needs Block Storage API microversion 3\.62 or later, but this session uses 3\.61/);
  });
});
