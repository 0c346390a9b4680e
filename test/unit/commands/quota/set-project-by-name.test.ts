import { describe, expect, it } from 'vitest';
import { jsonBody } from '../../helpers/harness.js';
import { PASSWORD_ENV, PROJECT_ID, TOKEN, mockCloud, privateHome, runWithCache, tokenBody } from '../../auth/keystone-helpers.js';

/** `quota set/delete PROJECT` under Keystone take a project name, as the openstack client does. */
const DEMO_ID = 'd3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3';

describe('quota set/delete PROJECT by name under Keystone', () => {
  function keystoneWithDemo(cloud: ReturnType<typeof mockCloud>, projects: { id: string; name: string }[]) {
    cloud.keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    cloud.keystone
      .intercept({ path: '/v3/projects/demo', method: 'GET', headers: { 'x-auth-token': TOKEN } })
      .reply(404, { error: { code: 404, message: 'Could not find project: demo.', title: 'Not Found' } });
    cloud.keystone
      .intercept({ path: '/v3/projects?name=demo', method: 'GET', headers: { 'x-auth-token': TOKEN } })
      .reply(200, { projects: projects.map((project) => ({ ...project, domain_id: 'default', enabled: true })) });
  }
  const versions = (cloud: ReturnType<typeof mockCloud>) =>
    cloud.cinder.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] });

  it("set resolves the name to the project's ID, then updates its quotas", async () => {
    const cloud = mockCloud();
    keystoneWithDemo(cloud, [{ id: DEMO_ID, name: 'demo' }]);
    versions(cloud);
    let body: unknown;
    cloud.cinder.intercept({ path: `/v3/${PROJECT_ID}/os-quota-sets/${DEMO_ID}`, method: 'PUT' }).reply(200, (options) => {
      body = jsonBody(options.body);
      return { quota_set: { volumes: 4 } };
    });
    const result = await runWithCache(['quota', 'set', '--volumes', '4', 'demo'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(body).toStrictEqual({ quota_set: { volumes: 4 } });
    cloud.agent.assertNoPendingInterceptors();
  });

  it('delete of a name Keystone does not know fails before Cinder is asked', async () => {
    const cloud = mockCloud();
    keystoneWithDemo(cloud, []);
    const result = await runWithCache(['quota', 'delete', 'demo'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: No project with a name or ID of 'demo' exists.\n");
    cloud.agent.assertNoPendingInterceptors();
  });
});
