import { describe, expect, it } from 'vitest';
import { PASSWORD_ENV, PROJECT_ID, TOKEN, mockCloud, privateHome, runWithCache, tokenBody } from '../../auth/keystone-helpers.js';

/**
 * `volume list --project/--user` take names or IDs, as the openstack client
 * does (identity_common.find_project / find_user): under Keystone a name is
 * looked up by ID first, then by exact name.
 */
const DEMO_ID = 'd3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3';
const ALICE_ID = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';

describe('volume list --project/--user under Keystone', () => {
  function keystoneToken(cloud: ReturnType<typeof mockCloud>) {
    cloud.keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
  }
  function named(cloud: ReturnType<typeof mockCloud>, collection: 'projects' | 'users', name: string, items: { id: string; name: string }[]) {
    cloud.keystone
      .intercept({ path: `/v3/${collection}/${name}`, method: 'GET', headers: { 'x-auth-token': TOKEN } })
      .reply(404, { error: { code: 404, message: `Could not find: ${name}.`, title: 'Not Found' } });
    cloud.keystone
      .intercept({ path: `/v3/${collection}?name=${name}`, method: 'GET', headers: { 'x-auth-token': TOKEN } })
      .reply(200, { [collection]: items.map((item) => ({ ...item, domain_id: 'default', enabled: true })) });
  }

  it("resolves both names to IDs, then lists that project's volumes of that user", async () => {
    const cloud = mockCloud();
    keystoneToken(cloud);
    named(cloud, 'projects', 'demo', [{ id: DEMO_ID, name: 'demo' }]);
    named(cloud, 'users', 'alice', [{ id: ALICE_ID, name: 'alice' }]);
    cloud.cinder.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] });
    cloud.cinder
      .intercept({ path: `/v3/${PROJECT_ID}/volumes/detail`, method: 'GET', query: { all_tenants: '1', project_id: DEMO_ID, user_id: ALICE_ID } })
      .reply(200, { volumes: [{ id: 'v-9', name: 'alices', status: 'available', size: 1, attachments: [] }] });
    const result = await runWithCache(['volume', 'list', '--project', 'demo', '--user', 'alice', '-f', 'value', '-c', 'Name'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result).toEqual({ code: 0, stdout: 'alices\n', stderr: '' });
    cloud.agent.assertNoPendingInterceptors();
  });

  it('two users with that name: an ambiguity error naming both IDs, and no listing', async () => {
    const cloud = mockCloud();
    keystoneToken(cloud);
    named(cloud, 'users', 'bob', [
      { id: 'b1', name: 'bob' },
      { id: 'b2', name: 'bob' },
    ]);
    const result = await runWithCache(['volume', 'list', '--user', 'bob'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/user.*'bob'.*b1.*b2/);
    cloud.agent.assertNoPendingInterceptors();
  });
});
