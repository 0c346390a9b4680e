import { describe, expect, it } from 'vitest';
import { PASSWORD_ENV, PROJECT_ID, TOKEN, mockCloud, privateHome, runWithCache, tokenBody } from '../../auth/keystone-helpers.js';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const DEFAULTS = { volumes: 10, snapshots: 10, gigabytes: 1000, backups: 10, backup_gigabytes: 1000, per_volume_gigabytes: -1, groups: 10 };
const OTHER = 'fedcba9876543210fedcba9876543210';

describe('quota list (noauth)', () => {
  const mock = mockCinderPerTest();

  function quotas(project: string, own: Record<string, number>) {
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/${project}`, method: 'GET' }).reply(200, { quota_set: { id: project, ...DEFAULTS, ...own } });
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/${project}/defaults`, method: 'GET' }).reply(200, { quota_set: { id: project, ...DEFAULTS } });
  }

  it("lists a project whose quotas differ from the defaults, under openstack's columns", async () => {
    interceptVersions(mock.pool);
    quotas(OTHER, { volumes: 3 });
    const result = await run(['quota', 'list', '--volume', '--project', OTHER, '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      { 'Project ID': OTHER, Backups: 10, 'Backup Gigabytes': 1000, Gigabytes: 1000, 'Per Volume Gigabytes': -1, Snapshots: 10, Volumes: 3 },
    ]);
  });

  it('a project on the defaults (a quota openstack does not show, groups, differing does not count) lists nothing', async () => {
    interceptVersions(mock.pool);
    quotas(OTHER, { groups: 99 });
    const result = await run(['quota', 'list', '--project', OTHER, '-f', 'csv'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '"Project ID","Backups","Backup Gigabytes","Gigabytes","Per Volume Gigabytes","Snapshots","Volumes"\n', stderr: '' });
  });

  it('without --project there is no Keystone to list projects from; another service is refused; both exit 2 before any request', async () => {
    const all = await run(['quota', 'list'], mock.agent);
    expect(all).toEqual({ code: 2, stdout: '', stderr: 'ucinder: with --os-auth-type noauth there is no Keystone to list projects from: pass --project ID\n' });
    const compute = await run(['quota', 'list', '--compute'], mock.agent);
    expect(compute).toEqual({ code: 2, stdout: '', stderr: 'ucinder: --compute: ucinder lists volume quotas only (use --volume or no flag)\n' });
  });
});

describe('quota list (Keystone)', () => {
  it('asks every project Keystone lists, skips one Cinder does not know with a warning, and lists those off the defaults', async () => {
    const cloud = mockCloud();
    const [changed, plain, gone] = ['c'.repeat(32), 'd'.repeat(32), 'e'.repeat(32)];
    cloud.keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    cloud.keystone
      .intercept({ path: '/v3/projects', method: 'GET', headers: { 'x-auth-token': TOKEN } })
      .reply(200, { projects: [changed, plain, gone].map((id) => ({ id, name: `p-${id[0]}`, domain_id: 'default' })) });
    cloud.cinder.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] });
    const base = `/v3/${PROJECT_ID}/os-quota-sets`;
    cloud.cinder.intercept({ path: `${base}/${changed}`, method: 'GET' }).reply(200, { quota_set: { id: changed, ...DEFAULTS, gigabytes: 50 } });
    cloud.cinder.intercept({ path: `${base}/${changed}/defaults`, method: 'GET' }).reply(200, { quota_set: { id: changed, ...DEFAULTS } });
    cloud.cinder.intercept({ path: `${base}/${plain}`, method: 'GET' }).reply(200, { quota_set: { id: plain, ...DEFAULTS } });
    cloud.cinder.intercept({ path: `${base}/${plain}/defaults`, method: 'GET' }).reply(200, { quota_set: { id: plain, ...DEFAULTS } });
    cloud.cinder.intercept({ path: `${base}/${gone}`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'Project could not be found.' } });
    cloud.cinder.intercept({ path: `${base}/${gone}/defaults`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'Project could not be found.' } });
    const result = await runWithCache(['quota', 'list', '--volume', '-f', 'value', '-c', 'Project ID', '-c', 'Gigabytes'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${changed} 50\n`);
    expect(result.stderr).toMatch(new RegExp(`^ucinder: warning: project ${gone} not found: Project could not be found\\.`));
  });
});
