import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, agentPerRun, interceptVersions, PROJECT, run } from '../../helpers/harness.js';
import { PASSWORD_ENV, PROJECT_ID, TOKEN, mockCloud, privateHome, runWithCache, tokenBody } from '../../auth/keystone-helpers.js';

/** A quota set as Cinder (Zed) returns it, per-type keys included. */
const QUOTA_SET = {
  volumes: 10,
  per_volume_gigabytes: -1,
  snapshots: 20,
  gigabytes: 1000,
  backups: 5,
  backup_gigabytes: 500,
  volumes_lvm: -1,
  gigabytes_lvm: -1,
  snapshots_lvm: -1,
  groups: 10,
  id: PROJECT,
};

describe('quota show', () => {
  const mock = agentPerRun();
  afterEach(mock.renew);

  it("prints one record with openstack's keys, sorted as `openstack quota show` prints them", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/${PROJECT}`, method: 'GET' }).reply(200, { quota_set: QUOTA_SET });
    const result = await run(['quota', 'show', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    const shown = JSON.parse(result.stdout);
    expect(Object.keys(shown)).toEqual([
      'backup-gigabytes',
      'backups',
      'gigabytes',
      'gigabytes_lvm',
      'groups',
      'per-volume-gigabytes',
      'project',
      'project_name',
      'snapshots',
      'snapshots_lvm',
      'volumes',
      'volumes_lvm',
    ]);
    expect(shown).toMatchObject({ 'backup-gigabytes': 500, 'per-volume-gigabytes': -1, project: PROJECT, project_name: null, volumes: 10 });
  });

  it("-c volumes and -f shell select fields; --raw prints the quota set under Cinder's names", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/other`, method: 'GET' }).reply(200, { quota_set: { ...QUOTA_SET, id: 'other' } });
    expect((await run(['quota', 'show', 'other', '-f', 'value', '-c', 'volumes'], mock.agent)).stdout).toBe('10\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/other`, method: 'GET' }).reply(200, { quota_set: { ...QUOTA_SET, id: 'other' } });
    const shell = await run(['quota', 'show', 'other', '-f', 'shell', '-c', 'per-volume-gigabytes', '-c', 'project'], mock.agent);
    expect(shell.stdout).toBe('per_volume_gigabytes="-1"\nproject="other"\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/other`, method: 'GET' }).reply(200, { quota_set: { ...QUOTA_SET, id: 'other' } });
    const raw = JSON.parse((await run(['quota', 'show', 'other', '--raw', '-f', 'json'], mock.agent)).stdout);
    expect(raw).toEqual({ ...QUOTA_SET, id: 'other' });
  });

  it('--default asks for the defaults; --usage lists Resource, Limit, In Use, Reserved under the same names', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/${PROJECT}/defaults`, method: 'GET' }).reply(200, { quota_set: QUOTA_SET });
    expect((await run(['quota', 'show', '--default', '-f', 'value', '-c', 'gigabytes'], mock.agent)).stdout).toBe('1000\n');
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/${PROJECT}?usage=true`, method: 'GET' }).reply(200, {
      quota_set: { id: PROJECT, backup_gigabytes: { limit: 500, in_use: 2, reserved: 1 } },
    });
    const usage = await run(['quota', 'show', '--usage', '-f', 'json'], mock.agent);
    expect(JSON.parse(usage.stdout)).toEqual([{ Resource: 'backup-gigabytes', Limit: 500, 'In Use': 2, Reserved: 1 }]);
    mock.renew();
    const both = await run(['quota', 'show', '--usage', '--default'], mock.agent);
    expect(both.code).toBe(2);
  });

  it("with Keystone, project_name is the token's project name for the session's project and None for another", async () => {
    const { agent, keystone, cinder } = mockCloud();
    const env = { ...privateHome(), ...PASSWORD_ENV };
    const quotas = (project: string) => {
      keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
      cinder.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] });
      cinder.intercept({ path: `/v3/${PROJECT_ID}/os-quota-sets/${project}`, method: 'GET' }).reply(200, { quota_set: { ...QUOTA_SET, id: project } });
    };
    quotas(PROJECT_ID);
    const own = await runWithCache(['--no-cache', 'quota', 'show', '-f', 'value', '-c', 'project_name', '-c', 'project'], agent, env);
    expect(own.stdout, own.stderr).toBe(`${PROJECT_ID}\ndemo\n`);
    quotas('other');
    const other = await runWithCache(['--no-cache', 'quota', 'show', 'other', '-f', 'value', '-c', 'project_name'], agent, env);
    expect(other.stdout, other.stderr).toBe('None\n');
    agent.assertNoPendingInterceptors();
  });
});
