import { describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const PROJECT_ID = '11111111111111111111111111111111';
/** What Cinder answers to a create without extra specs. */
const CREATED = { id: 't-p', name: 'p', description: null, is_public: false, 'os-volume-type-access:is_public': false, extra_specs: {} };

describe('volume type create --project and its output', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('--private --project creates the type, then gives the project access; no properties key without --property', async () => {
    interceptVersions(mock.pool);
    record('POST', '/types', 200, { volume_type: CREATED });
    record('POST', '/types/t-p/action', 202, {});
    const result = await run(['volume', 'type', 'create', '--private', '--project', PROJECT_ID, 'p', '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(calls).toStrictEqual([
      { method: 'POST', path: '/types', body: { volume_type: { name: 'p', 'os-volume-type-access:is_public': false } } },
      { method: 'POST', path: '/types/t-p/action', body: { addProjectAccess: { project: PROJECT_ID } } },
    ]);
    // `openstack volume type create --private p -f json` on the test bed prints exactly these keys.
    expect(JSON.parse(result.stdout)).toStrictEqual({ description: null, id: 't-p', is_public: false, name: 'p' });
  });

  it('--raw prints the type as Cinder returned it', async () => {
    interceptVersions(mock.pool);
    record('POST', '/types', 200, { volume_type: CREATED });
    const result = await run(['volume', 'type', 'create', '--private', 'p', '-f', 'json', '--raw'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual(CREATED);
  });

  it('--project without --private is a usage error before any request, as openstack refuses it', async () => {
    const result = await run(['volume', 'type', 'create', '--project', PROJECT_ID, 'p'], mock.agent);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'ucinder: --project is only allowed with --private\n' });
  });

  it('--project NAME without Keystone is a usage error before anything is created', async () => {
    const result = await run(['volume', 'type', 'create', '--private', '--project', 'demo', 'p'], mock.agent);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "ucinder: --project 'demo' is not a project ID, and with --os-auth-type noauth there is no Keystone to look project names up in: pass the project's ID\n",
    });
  });

  it('a failed access grant says the type was created, exit 1', async () => {
    interceptVersions(mock.pool);
    record('POST', '/types', 200, { volume_type: CREATED });
    record('POST', '/types/t-p/action', 404, { itemNotFound: { code: 404, message: 'Project not found.' } });
    const result = await run(['volume', 'type', 'create', '--private', '--project', PROJECT_ID, 'p'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`ucinder: volume type 'p' (t-p) was created, but giving project '${PROJECT_ID}' access failed: Project not found. (HTTP 404)\n`);
  });
});
