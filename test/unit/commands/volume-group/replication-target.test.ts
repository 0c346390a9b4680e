import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { GROUP_ID, stubGroupById, stubGroupByName } from './fixtures.js';

const ACTION = `/groups/${GROUP_ID}/action`;

/** What an admin gets: every key of the backend's replication_device lines in cinder.conf. */
const ADMIN_TARGETS = {
  replication_targets: [
    { backend_id: 'array-b', san_ip: '10.0.0.2', san_login: 'cinder', san_password: 'hunter2' },
    { san_ip: '10.0.0.3', backend_id: 'array-c', pool: 'gold' },
  ],
};

describe('volume group replication target list', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('asks list_replication_targets of the group (by name) and lists every key, backend_id first; secrets are masked', async () => {
    interceptVersions(mock.pool);
    stubGroupByName(mock.pool);
    record('POST', ACTION, 200, ADMIN_TARGETS);
    const result = await run(['volume', 'group', 'replication', 'target', 'list', 'app1', '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls).toStrictEqual([{ method: 'POST', path: ACTION, body: { list_replication_targets: {} } }]);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      { backend_id: 'array-b', san_ip: '10.0.0.2', san_login: 'cinder', san_password: '***', pool: null },
      { backend_id: 'array-c', san_ip: '10.0.0.3', san_login: null, san_password: null, pool: 'gold' },
    ]);
  });

  it('--show-secrets shows them; -c picks a column', async () => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    record('POST', ACTION, 200, ADMIN_TARGETS);
    const shown = await run(['volume', 'group', 'replication', 'target', 'list', '--show-secrets', GROUP_ID, '-f', 'value', '-c', 'backend_id', '-c', 'san_password'], mock.agent);
    expect(shown).toEqual({ code: 0, stdout: 'array-b hunter2\narray-c None\n', stderr: '' });
  });

  it("a user who is not an admin gets the backend IDs only, as cinder's table shows them", async () => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    record('POST', ACTION, 200, { replication_targets: [{ backend_id: 'array-b' }] });
    const result = await run(['volume', 'group', 'replication', 'target', 'list', GROUP_ID], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('+------------+\n| backend_id |\n+------------+\n| array-b    |\n+------------+\n');
  });

  it('no targets: an empty listing (exit 0), the backend_id column still there for csv', async () => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    record('POST', ACTION, 200, { replication_targets: [] });
    const result = await run(['volume', 'group', 'replication', 'target', 'list', GROUP_ID, '-f', 'csv'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '"backend_id"\n', stderr: '' });
  });

  it("a group whose type does not replicate: Cinder's refusal, one line, exit 1", async () => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    record('POST', ACTION, 400, { badRequest: { code: 400, message: `Invalid group type: Group ${GROUP_ID} is not a replication group type.` } });
    const result = await run(['volume', 'group', 'replication', 'target', 'list', GROUP_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `ucinder: Invalid group type: Group ${GROUP_ID} is not a replication group type. (HTTP 400)\n` });
  });

  it('needs 3.38: refused before any request but the version discovery', async () => {
    interceptVersions(mock.pool, '3.37');
    const result = await run(['volume', 'group', 'replication', 'target', 'list', 'app1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "ucinder: 'volume group replication target list' needs Block Storage API microversion 3.38 or later, but this session uses 3.37 (the server's maximum)\n",
    );
    expect(calls).toStrictEqual([]);
  });

  it.each([
    ["a proxy's 200 {}", {}, "without a 'replication_targets' list"],
    ['a list of something else', { replication_targets: ['array-b'] }, "a 'replication_targets' list whose item 1 is a string, not an object"],
    ['an object instead of the list', { replication_targets: { backend_id: 'array-b' } }, "without a 'replication_targets' list ('replication_targets' is an object)"],
  ])('a malformed answer (%s) is exit 1, never "no targets"', async (_case, answer, why) => {
    interceptVersions(mock.pool);
    stubGroupById(mock.pool);
    record('POST', ACTION, 200, answer);
    const result = await run(['volume', 'group', 'replication', 'target', 'list', GROUP_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `ucinder: POST ${BASE_PATH}${ACTION} answered ${why}\n` });
  });

  it('no group is a usage error (exit 2) before any request', async () => {
    const result = await run(['volume', 'group', 'replication', 'target', 'list'], mock.agent);
    expect(result).toEqual({ code: 2, stdout: '', stderr: "ucinder: missing required argument 'group'\n" });
  });

  it('an unknown group: one line, exit 1', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/groups/nope`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/groups/detail`, method: 'GET' }).reply(200, { groups: [] });
    const result = await run(['volume', 'group', 'replication', 'target', 'list', 'nope'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: No volume group with a name or ID of 'nope' exists.\n" });
  });
});
