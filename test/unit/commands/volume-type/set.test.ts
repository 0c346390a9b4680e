import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { PROJECT_B, stubTypeById, TYPE_ID } from './fixtures.js';

describe('volume type set', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);
  const found = () => stubTypeById(mock.pool);

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

  it("set reports Cinder's refusal for a type in use and still applies the rest", async () => {
    interceptVersions(mock.pool);
    found();
    mock.pool
      .intercept({ path: `${BASE_PATH}/types/${TYPE_ID}/extra_specs`, method: 'POST' })
      .reply(400, { badRequest: { code: 400, message: 'Volume Type is currently in use.' } });
    record('POST', `/types/${TYPE_ID}/action`, 202, '');
    const result = await run(['volume', 'type', 'set', '--property', 'k=v', '--project', PROJECT_B, TYPE_ID], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("volume type 'gold': failed to set properties: Volume Type is currently in use. (HTTP 400)\nucinder: 1 of 2 changes to volume type 'gold' failed\n");
    expect(calls).toHaveLength(1);
  });

  it.each([
    [['set'], 'ucinder: nothing to change: give --name, --description, --property (or its shortcuts), --public, --private, --project or --encryption-*\n'],
    [['set', '--public', '--private'], "option '--public' cannot be used with option '--private'"],
    [['set', '--property', 'novalue'], "expected key=value, got 'novalue'"],
  ])('%j is a usage error before any request', async (words, message) => {
    const result = await run(['volume', 'type', ...words, 'gold'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
