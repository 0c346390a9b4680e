import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, newAgent, run } from '../../helpers/harness.js';

const TYPE_ID = '66666666-0000-4000-8000-000000000006';
const PROJECT_B = 'fedcba9876543210fedcba9876543210';

describe('volume type set, unset and list --default', () => {
  let mock = newAgent();
  let calls: { method: string; path: string; body: unknown }[] = [];
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
    calls = [];
  });

  function found() {
    mock.pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}`, method: 'GET' }).reply(200, { volume_type: { id: TYPE_ID, name: 'gold', is_public: false } });
  }

  function record(method: string, path: string, status = 200, reply: object | string = {}) {
    mock.pool.intercept({ path: `${BASE_PATH}${path}`, method }).reply(status, (options) => {
      calls.push({ method, path, body: options.body === undefined || options.body === null ? undefined : jsonBody(options.body) });
      return reply;
    });
  }

  it('set sends one update for name/description/visibility, then extra specs, then project access', async () => {
    interceptVersions(mock.pool);
    found();
    record('PUT', `/types/${TYPE_ID}`, 200, { volume_type: { id: TYPE_ID, name: 'platinum' } });
    record('POST', `/types/${TYPE_ID}/extra_specs`, 200, { extra_specs: { volume_backend_name: 'mmj2' } });
    record('POST', `/types/${TYPE_ID}/action`, 202, '');
    const result = await run(
      ['volume', 'type', 'set', '--name', 'platinum', '--description', 'fast', '--private', '--property', 'volume_backend_name=mmj2', '--project', PROJECT_B, TYPE_ID],
      mock.agent,
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'PUT', path: `/types/${TYPE_ID}`, body: { volume_type: { name: 'platinum', description: 'fast', is_public: false } } },
      { method: 'POST', path: `/types/${TYPE_ID}/extra_specs`, body: { extra_specs: { volume_backend_name: 'mmj2' } } },
      { method: 'POST', path: `/types/${TYPE_ID}/action`, body: { addProjectAccess: { project: PROJECT_B } } },
    ]);
  });

  it('--public alone sends is_public true', async () => {
    interceptVersions(mock.pool);
    found();
    record('PUT', `/types/${TYPE_ID}`, 200, { volume_type: { id: TYPE_ID } });
    expect((await run(['type', 'set', '--public', TYPE_ID], mock.agent)).code).toBe(0);
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/types/${TYPE_ID}`, body: { volume_type: { is_public: true } } }]);
  });

  it('set reports Cinder\'s refusal for a type in use and still applies the rest', async () => {
    interceptVersions(mock.pool);
    found();
    mock.pool
      .intercept({ path: `${BASE_PATH}/types/${TYPE_ID}/extra_specs`, method: 'POST' })
      .reply(400, { badRequest: { code: 400, message: 'Volume Type is currently in use.' } });
    record('POST', `/types/${TYPE_ID}/action`, 202, '');
    const result = await run(['volume', 'type', 'set', '--property', 'k=v', '--project', PROJECT_B, TYPE_ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "volume type 'gold': failed to set properties: Volume Type is currently in use. (HTTP 400)\nucinder: 1 of 2 changes to volume type 'gold' failed\n",
    );
    expect(calls).toHaveLength(1);
  });

  it('unset deletes each extra spec and removes project access', async () => {
    interceptVersions(mock.pool);
    found();
    record('DELETE', `/types/${TYPE_ID}/extra_specs/a`, 202, '');
    record('DELETE', `/types/${TYPE_ID}/extra_specs/b`, 202, '');
    record('POST', `/types/${TYPE_ID}/action`, 202, '');
    const result = await run(['volume', 'type', 'unset', '--property', 'a', '--property', 'b', '--project', PROJECT_B, TYPE_ID], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'DELETE', path: `/types/${TYPE_ID}/extra_specs/a`, body: undefined },
      { method: 'DELETE', path: `/types/${TYPE_ID}/extra_specs/b`, body: undefined },
      { method: 'POST', path: `/types/${TYPE_ID}/action`, body: { removeProjectAccess: { project: PROJECT_B } } },
    ]);
  });

  it.each([
    [['set'], 'ucinder: nothing to change: give --name, --description, --property, --public, --private or --project\n'],
    [['set', '--public', '--private'], "option '--public' cannot be used with option '--private'"],
    [['set', '--property', 'novalue'], "expected key=value, got 'novalue'"],
    [['unset'], 'ucinder: nothing to unset: give --property KEY or --project PROJECT\n'],
  ])('%j is a usage error before any request', async (words, message) => {
    const result = await run(['volume', 'type', ...words, 'gold'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('list --default shows only the default type', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/types/default`, method: 'GET' })
      .reply(200, { volume_type: { id: 'd1', name: '__DEFAULT__', is_public: true, description: 'Default Volume Type', extra_specs: {} } });
    const result = await run(['volume', 'type', 'list', '--default', '--long', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      { ID: 'd1', Name: '__DEFAULT__', 'Is Public': true, Description: 'Default Volume Type', Properties: {} },
    ]);
  });
});
