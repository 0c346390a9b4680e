import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';
import { PASSWORD_ENV, PROJECT_ID, TOKEN, mockCloud, privateHome, runWithCache, tokenBody } from '../../auth/keystone-helpers.js';

/**
 * `volume type set/unset --project` takes a project name or ID, as the
 * openstack client does (identity_common.find_project). Cinder's type-access
 * API takes only an ID (its schema wants a UUID: a name is a 400), so a
 * name must be resolved before any change; without Keystone it cannot be.
 */
const DEMO_ID = 'd3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3';
const TYPE = { id: 't-gold', name: 'gold', is_public: false, extra_specs: {} };

describe('volume type set/unset --project under Keystone', () => {
  function keystoneToken(cloud: ReturnType<typeof mockCloud>) {
    cloud.keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
  }
  /** A failed project lookup stops the command before it asks Cinder anything: then only the token is stubbed. */
  function keystoneAndType(cloud: ReturnType<typeof mockCloud>) {
    keystoneToken(cloud);
    cloud.cinder.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] });
    cloud.cinder.intercept({ path: `/v3/${PROJECT_ID}/types/gold`, method: 'GET' }).reply(200, { volume_type: TYPE });
  }
  function projectNamed(cloud: ReturnType<typeof mockCloud>, name: string, projects: { id: string; name: string }[]) {
    cloud.keystone
      .intercept({ path: `/v3/projects/${name}`, method: 'GET', headers: { 'x-auth-token': TOKEN } })
      .reply(404, { error: { code: 404, message: `Could not find project: ${name}.`, title: 'Not Found' } });
    cloud.keystone
      .intercept({ path: `/v3/projects?name=${name}`, method: 'GET', headers: { 'x-auth-token': TOKEN } })
      .reply(200, { projects: projects.map((project) => ({ ...project, domain_id: 'default', enabled: true })) });
  }

  it('set resolves the project name to its ID, then changes the type', async () => {
    const cloud = mockCloud();
    keystoneAndType(cloud);
    projectNamed(cloud, 'demo', [{ id: DEMO_ID, name: 'demo' }]);
    const bodies: unknown[] = [];
    cloud.cinder.intercept({ path: `/v3/${PROJECT_ID}/types/t-gold/extra_specs`, method: 'POST' }).reply(200, (options) => {
      bodies.push(jsonBody(options.body));
      return { extra_specs: { a: 'b' } };
    });
    cloud.cinder.intercept({ path: `/v3/${PROJECT_ID}/types/t-gold/action`, method: 'POST' }).reply(202, (options) => {
      bodies.push(jsonBody(options.body));
      return '';
    });
    const result = await runWithCache(['volume', 'type', 'set', '--property', 'a=b', '--project', 'demo', 'gold'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(bodies).toStrictEqual([{ extra_specs: { a: 'b' } }, { addProjectAccess: { project: DEMO_ID } }]);
    cloud.agent.assertNoPendingInterceptors();
  });

  it('an ID is looked up by ID (one request) and used', async () => {
    const cloud = mockCloud();
    keystoneAndType(cloud);
    cloud.keystone.intercept({ path: `/v3/projects/${DEMO_ID}`, method: 'GET' }).reply(200, { project: { id: DEMO_ID, name: 'demo', domain_id: 'default' } });
    let body: unknown;
    cloud.cinder.intercept({ path: `/v3/${PROJECT_ID}/types/t-gold/action`, method: 'POST' }).reply(202, (options) => {
      body = jsonBody(options.body);
      return '';
    });
    const result = await runWithCache(['volume', 'type', 'unset', '--project', DEMO_ID, 'gold'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(body).toStrictEqual({ removeProjectAccess: { project: DEMO_ID } });
    cloud.agent.assertNoPendingInterceptors();
  });

  it('an unknown project name fails before any change (exit 1)', async () => {
    const cloud = mockCloud();
    keystoneToken(cloud);
    projectNamed(cloud, 'nope', []);
    // No extra_specs or access request is registered: sending one would fail the test.
    const result = await runWithCache(['volume', 'type', 'set', '--property', 'a=b', '--project', 'nope', 'gold'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: No project with a name or ID of 'nope' exists.\n" });
  });

  it('a name several projects share (in different domains) fails before any change, listing their IDs', async () => {
    const cloud = mockCloud();
    keystoneToken(cloud);
    projectNamed(cloud, 'demo', [
      { id: DEMO_ID, name: 'demo' },
      { id: 'e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4', name: 'demo' },
    ]);
    const result = await runWithCache(['volume', 'type', 'unset', '--project', 'demo', 'gold'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `ucinder: More than one project exists with the name 'demo': ${DEMO_ID}, e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4; use an ID instead.\n`,
    });
  });

  it('when Keystone will not let the user look projects up, an ID is used as given and a name is refused', async () => {
    const forbidden = { error: { code: 403, message: 'You are not authorized to perform the requested action: identity:get_project.', title: 'Forbidden' } };
    const cloud = mockCloud();
    keystoneToken(cloud);
    cloud.keystone.intercept({ path: `/v3/projects/demo`, method: 'GET' }).reply(403, forbidden);
    const refused = await runWithCache(['volume', 'type', 'unset', '--project', 'demo', 'gold'], cloud.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "ucinder: Keystone does not let this user look project 'demo' up (You are not authorized to perform the requested action: identity:get_project., HTTP 403): pass the project's ID\n",
    );

    const again = mockCloud();
    keystoneAndType(again);
    again.keystone.intercept({ path: `/v3/projects/${DEMO_ID}`, method: 'GET' }).reply(403, forbidden);
    again.cinder.intercept({ path: `/v3/${PROJECT_ID}/types/t-gold/action`, method: 'POST' }).reply(202, '');
    const byId = await runWithCache(['volume', 'type', 'unset', '--project', DEMO_ID, 'gold'], again.agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(byId).toEqual({ code: 0, stdout: '', stderr: '' });
    again.agent.assertNoPendingInterceptors();
  });
});

describe('volume type set/unset --project without Keystone (noauth)', () => {
  const mock = mockCinderPerTest();

  it.each([
    ['set', ['volume', 'type', 'set', '--property', 'a=b', '--project', 'demo', 'gold']],
    ['unset', ['volume', 'type', 'unset', '--property', 'a', '--project', 'demo', 'gold']],
  ])('%s with a project name is a usage error before any request (exit 2)', async (_verb, argv) => {
    expect(await run(argv, mock.agent)).toEqual({
      code: 2,
      stdout: '',
      stderr: "ucinder: --project 'demo' is not a project ID, and with --os-auth-type noauth there is no Keystone to look project names up in: pass the project's ID\n",
    });
  });

  it('a project ID goes to Cinder as given', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/gold`, method: 'GET' }).reply(200, { volume_type: TYPE });
    let body: unknown;
    mock.pool.intercept({ path: `${BASE_PATH}/types/t-gold/action`, method: 'POST' }).reply(202, (options) => {
      body = jsonBody(options.body);
      return '';
    });
    expect(await run(['volume', 'type', 'set', '--project', DEMO_ID, 'gold'], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(body).toStrictEqual({ addProjectAccess: { project: DEMO_ID } });
  });
});
