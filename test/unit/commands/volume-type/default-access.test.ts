import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';
import { PROJECT_B, TYPE_ID } from './fixtures.js';

/** Cinder serves default types at the version root only: /v3/default-types, never /v3/{project}/default-types. */
const ROOT_PATH = '/v3/default-types';

describe('volume type default set/list/unset (API 3.62) and volume type access list', () => {
  const mock = mockCinderPerTest();
  const stubType = () => mock.pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}`, method: 'GET' }).reply(200, { volume_type: { id: TYPE_ID, name: 'gold', is_public: false } });

  it('set resolves the type and PUTs its ID for the project at the version root; prints what Cinder answered', async () => {
    interceptVersions(mock.pool);
    stubType();
    const bodies: unknown[] = [];
    mock.pool.intercept({ path: `${ROOT_PATH}/${PROJECT_B}`, method: 'PUT' }).reply(200, (options) => {
      bodies.push(jsonBody(options.body));
      return { default_type: { project_id: PROJECT_B, volume_type_id: TYPE_ID } };
    });
    const result = await run(['volume', 'type', 'default', 'set', TYPE_ID, '--project', PROJECT_B, '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(bodies).toStrictEqual([{ default_type: { volume_type: TYPE_ID } }]);
    expect(JSON.parse(result.stdout)).toStrictEqual({ project_id: PROJECT_B, volume_type_id: TYPE_ID });
  });

  it("list: every project with a default of its own, cinderclient's columns; --project: that one", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: ROOT_PATH, method: 'GET' }).reply(200, { default_types: [{ project_id: PROJECT_B, volume_type_id: TYPE_ID }] });
    const all = await run(['volume', 'type', 'default', 'list', '-f', 'csv', '--quote', 'none'], mock.agent);
    expect(all).toEqual({ code: 0, stdout: `Volume Type ID,Project ID\n${TYPE_ID},${PROJECT_B}\n`, stderr: '' });
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${ROOT_PATH}/${PROJECT_B}`, method: 'GET' }).reply(200, { default_type: { project_id: PROJECT_B, volume_type_id: TYPE_ID } });
    const one = await run(['type', 'default', 'list', '--project', PROJECT_B, '-f', 'value'], mock.agent);
    expect(one).toEqual({ code: 0, stdout: `${TYPE_ID} ${PROJECT_B}\n`, stderr: '' });
  });

  it("list --project of a project without its own default: Cinder's 404, exit 1", async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${ROOT_PATH}/${PROJECT_B}`, method: 'GET' })
      .reply(404, { itemNotFound: { code: 404, message: `Default type for project ${PROJECT_B} not found.` } });
    const result = await run(['volume', 'type', 'default', 'list', '--project', PROJECT_B], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `ucinder: Default type for project ${PROJECT_B} not found. (HTTP 404)\n` });
  });

  it("unset DELETEs the project's default and prints nothing", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${ROOT_PATH}/${PROJECT_B}`, method: 'DELETE' }).reply(204, '');
    expect(await run(['volume', 'type', 'default', 'unset', '--project', PROJECT_B], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each([[['set', 'gold', '--project', PROJECT_B]], [['list']], [['unset', '--project', PROJECT_B]]])(
    '%j below API 3.62 fails before any default-types request',
    async (words) => {
      interceptVersions(mock.pool, '3.61');
      const result = await run(['volume', 'type', 'default', ...words], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^ucinder: the default-types API needs Block Storage API microversion 3\.62 or later, but this session uses 3\.61/);
    },
  );

  it.each([
    [['set', 'gold'], "ucinder: required option '--project <project>' not specified\n"],
    [['unset'], "ucinder: required option '--project <project>' not specified\n"],
    [
      ['unset', '--project', 'demo'],
      "ucinder: --project 'demo' is not a project ID, and with --os-auth-type noauth there is no Keystone to look project names up in: pass the project's ID\n",
    ],
  ])('%j is a usage error before any request', async (words, stderr) => {
    expect(await run(['volume', 'type', 'default', ...words], mock.agent)).toEqual({ code: 2, stdout: '', stderr });
  });

  it("access list: the projects of a private type, cinderclient's columns", async () => {
    interceptVersions(mock.pool);
    stubType();
    mock.pool
      .intercept({ path: `${BASE_PATH}/types/${TYPE_ID}/os-volume-type-access`, method: 'GET' })
      .reply(200, { volume_type_access: [{ volume_type_id: TYPE_ID, project_id: PROJECT_B }] });
    const result = await run(['volume', 'type', 'access', 'list', TYPE_ID, '-f', 'json', '--noindent'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: `[{"Volume_type_ID": "${TYPE_ID}", "Project_ID": "${PROJECT_B}"}]\n`, stderr: '' });
  });

  it('access list of a public type says there is none, exit 1', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}`, method: 'GET' }).reply(200, { volume_type: { id: TYPE_ID, name: 'gold', is_public: true } });
    const result = await run(['volume', 'type', 'access', 'list', TYPE_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: volume type 'gold' is public: every project may use it, there is no access list\n" });
  });
});
