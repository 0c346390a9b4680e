import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';
const TYPE_ID = '9f14f72b-2755-41ab-a6d4-5eea4e6c17e2';

describe('quota set', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it("sends every given limit under Cinder's names in one update, and prints nothing (as openstack)", async () => {
    interceptVersions(mock.pool);
    record('PUT', `/os-quota-sets/${OTHER_PROJECT}`, 200, { quota_set: { volumes: 20 } });
    const result = await run(
      [
        'quota',
        'set',
        '--volumes',
        '20',
        '--snapshots',
        '0',
        '--gigabytes',
        '-1',
        '--backups',
        '3',
        '--backup-gigabytes',
        '30',
        '--per-volume-gigabytes',
        '5',
        '--groups',
        '2',
        OTHER_PROJECT,
      ],
      mock.agent,
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      {
        method: 'PUT',
        path: `/os-quota-sets/${OTHER_PROJECT}`,
        body: { quota_set: { volumes: 20, snapshots: 0, gigabytes: -1, backups: 3, backup_gigabytes: 30, per_volume_gigabytes: 5, groups: 2 } },
      },
    ]);
  });

  it('--volume-type scopes volumes, snapshots and gigabytes to the type (looked up, by its name); the others stay project-wide', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}`, method: 'GET' }).reply(200, { volume_type: { id: TYPE_ID, name: 'gold' } });
    record('PUT', `/os-quota-sets/${OTHER_PROJECT}`, 200, { quota_set: {} });
    const result = await run(['quota', 'set', '--volume-type', TYPE_ID, '--volumes', '5', '--gigabytes', '50', '--backups', '1', OTHER_PROJECT], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls[0]!.body).toStrictEqual({ quota_set: { volumes_gold: 5, gigabytes_gold: 50, backups: 1 } });
  });

  it('--volume-type naming no type fails before any quota changes', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/silver`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [{ id: TYPE_ID, name: 'gold' }] });
    const result = await run(['quota', 'set', '--volume-type', 'silver', '--volumes', '5', OTHER_PROJECT], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: No volume type with a name or ID of 'silver' exists.\n");
  });

  it('--class sets the quota class named by the argument', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-quota-class-sets/default', 200, { quota_class_set: { id: 'default', volumes: 50 } });
    const result = await run(['quota', 'set', '--class', '--volumes', '50', 'default'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([{ method: 'PUT', path: '/os-quota-class-sets/default', body: { quota_class_set: { volumes: 50 } } }]);
  });

  it("a limit below what is in use: Cinder's refusal on one line, exit 1", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/${OTHER_PROJECT}`, method: 'PUT' }).reply(400, {
      badRequest: { code: 400, message: 'Quota volumes limit must be equal or greater than existing resources. Current usage is 1 and the requested limit is 0.' },
    });
    const result = await run(['quota', 'set', '--volumes', '0', OTHER_PROJECT], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ucinder: Quota volumes limit must be equal or greater than existing resources. Current usage is 1 and the requested limit is 0. (HTTP 400)\n',
    });
  });

  it.each([
    [[OTHER_PROJECT], 'ucinder: nothing to change: give at least one of --volumes, --snapshots, --gigabytes, --backups, --backup-gigabytes, --per-volume-gigabytes, --groups\n'],
    [['--volumes', '-2', OTHER_PROJECT], "option '--volumes <volumes>' argument '-2' is invalid. expected a whole number, or -1 for unlimited."],
    [['--gigabytes', 'lots', OTHER_PROJECT], 'expected a whole number, or -1 for unlimited.'],
    [
      ['--volumes', '1', 'demo'],
      "ucinder: project 'demo' is not a project ID, and with --os-auth-type noauth there is no Keystone to look project names up in: pass the project's ID\n",
    ],
    [['--volumes', '1'], "missing required argument 'project'"],
  ])('%j is a usage error before any request', async (words, message) => {
    const result = await run(['quota', 'set', ...words], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('quota delete', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it("deletes the project's own quotas (it gets the defaults again); --volume is accepted", async () => {
    interceptVersions(mock.pool);
    record('DELETE', `/os-quota-sets/${OTHER_PROJECT}`, 200, '');
    const result = await run(['quota', 'delete', '--volume', OTHER_PROJECT], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([{ method: 'DELETE', path: `/os-quota-sets/${OTHER_PROJECT}`, body: undefined }]);
  });

  it('a project name without Keystone is a usage error before any request', async () => {
    const result = await run(['quota', 'delete', 'demo'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("project 'demo' is not a project ID");
  });
});

describe('quota show --class', () => {
  const mock = mockCinderPerTest();

  it("prints the class's quotas under openstack's names, `class` for the class name", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-class-sets/default`, method: 'GET' }).reply(200, {
      quota_class_set: { id: 'default', volumes: 10, backup_gigabytes: 1000, per_volume_gigabytes: -1, volumes_gold: -1 },
    });
    const result = await run(['quota', 'show', '--class', 'default', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({ 'backup-gigabytes': 1000, class: 'default', 'per-volume-gigabytes': -1, volumes: 10, volumes_gold: -1 });
  });

  it.each([
    [['--class'], '--class needs the name of a quota class'],
    [['--class', '--default', 'default'], "option '--default' cannot be used with option '--class'"],
    [['--class', '--usage', 'default'], "option '--class' cannot be used with option '--usage'"],
  ])('%j is a usage error before any request', async (words, message) => {
    const result = await run(['quota', 'show', ...words], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
