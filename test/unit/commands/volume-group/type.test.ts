import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { GROUP_TYPE, GROUP_TYPE_ID, stubGroupTypeById, stubGroupTypeByName } from './fixtures.js';

describe('volume group type', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it("create: openstack's fields ID, Name, Description, Is Public, Properties; --private; --property sets group specs after", async () => {
    interceptVersions(mock.pool);
    record('POST', '/group_types', 200, { group_type: { ...GROUP_TYPE, is_public: false, group_specs: {} } });
    record('POST', `/group_types/${GROUP_TYPE_ID}/group_specs`, 200, { group_specs: { k: 'v' } });
    stubGroupTypeById(mock.pool, { ...GROUP_TYPE, is_public: false });
    const result = await run(['volume', 'group', 'type', 'create', '--private', '--description', 'd', '--property', 'k=v', 'app-group'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toStrictEqual([
      { method: 'POST', path: '/group_types', body: { group_type: { name: 'app-group', description: 'd', is_public: false } } },
      { method: 'POST', path: `/group_types/${GROUP_TYPE_ID}/group_specs`, body: { group_specs: { k: 'v' } } },
    ]);
    expect(
      result.stdout
        .split('\n')
        .slice(3, 8)
        .map((line) =>
          line
            .split('|')
            .slice(1, 3)
            .map((cell) => cell.trim()),
        ),
    ).toEqual([
      ['ID', GROUP_TYPE_ID],
      ['Name', 'app-group'],
      ['Description', 'None'],
      ['Is Public', 'False'],
      ['Properties', "k='v'"],
    ]);
  });

  it('list: Properties unformatted as openstack prints them here; --default lists the default type', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/group_types?is_public=None`, method: 'GET' }).reply(200, { group_types: [GROUP_TYPE] });
    const value = await run(['volume', 'group', 'type', 'list', '-f', 'value'], mock.agent);
    expect(value.stdout).toBe(`${GROUP_TYPE_ID} app-group True {'k': 'v'}\n`);
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/group_types/default`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'Default group type can not be found.' } });
    const none = await run(['volume', 'group', 'type', 'list', '--default'], mock.agent);
    expect(none).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Default group type can not be found. (HTTP 404)\n' });
  });

  it('show by name', async () => {
    interceptVersions(mock.pool);
    stubGroupTypeByName(mock.pool);
    const result = await run(['volume', 'group', 'type', 'show', 'app-group', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual({ ID: GROUP_TYPE_ID, Name: 'app-group', Description: null, 'Is Public': true, Properties: { k: 'v' } });
  });

  it('set: update, then --no-property removes every spec before --property sets the new ones; prints the type as it is now', async () => {
    interceptVersions(mock.pool);
    stubGroupTypeById(mock.pool);
    record('PUT', `/group_types/${GROUP_TYPE_ID}`, 200, { group_type: GROUP_TYPE });
    record('DELETE', `/group_types/${GROUP_TYPE_ID}/group_specs/k`, 202, '');
    record('POST', `/group_types/${GROUP_TYPE_ID}/group_specs`, 200, { group_specs: { n: '1' } });
    stubGroupTypeById(mock.pool, { ...GROUP_TYPE, name: 'renamed', group_specs: { n: '1' } });
    const result = await run(
      ['volume', 'group', 'type', 'set', '--name', 'renamed', '--public', '--property', 'n=1', '--no-property', GROUP_TYPE_ID, '-f', 'value', '-c', 'Properties'],
      mock.agent,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("{'n': '1'}\n");
    expect(calls).toStrictEqual([
      { method: 'PUT', path: `/group_types/${GROUP_TYPE_ID}`, body: { group_type: { name: 'renamed', is_public: true } } },
      { method: 'DELETE', path: `/group_types/${GROUP_TYPE_ID}/group_specs/k`, body: undefined },
      { method: 'POST', path: `/group_types/${GROUP_TYPE_ID}/group_specs`, body: { group_specs: { n: '1' } } },
    ]);
  });

  it('unset removes each property, then prints the type', async () => {
    interceptVersions(mock.pool);
    stubGroupTypeById(mock.pool);
    record('DELETE', `/group_types/${GROUP_TYPE_ID}/group_specs/k`, 202, '');
    stubGroupTypeById(mock.pool, { ...GROUP_TYPE, group_specs: {} });
    const result = await run(['volume', 'group', 'type', 'unset', '--property', 'k', GROUP_TYPE_ID, '-f', 'value', '-c', 'Properties'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('{}\n');
    expect(calls).toHaveLength(1);
  });

  it("delete: a type in use is Cinder's one-line refusal, exit 1", async () => {
    interceptVersions(mock.pool);
    stubGroupTypeByName(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/group_types/${GROUP_TYPE_ID}`, method: 'DELETE' }).reply(400, {
      badRequest: { code: 400, message: 'Target group type is still in use.' },
    });
    const result = await run(['volume', 'group', 'type', 'delete', 'app-group'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Target group type is still in use. (HTTP 400)\n' });
  });

  it.each([['create', 'x'], ['list'], ['show', 'x'], ['set', '--name', 'y', 'x'], ['unset', '--property', 'k', 'x'], ['delete', 'x']])(
    '%s needs microversion 3.11',
    async (...words) => {
      interceptVersions(mock.pool, '3.10');
      const result = await run(['volume', 'group', 'type', ...words], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('volume group types needs Block Storage API microversion 3.11 or later, but this session uses 3.10');
    },
  );

  it.each([
    [['create', ''], 'a name cannot be empty.'],
    [['create', '--public', '--private', 'x'], 'cannot be used with'],
    [['set', 'x'], 'nothing to change: give --name, --description, --public, --private, --property or --no-property'],
    [['set', '--property', 'novalue', 'x'], "expected key=value, got 'novalue'"],
    [['unset', 'x'], 'nothing to unset: give --property KEY'],
    [['show'], "missing required argument 'group-type'"],
  ])('%j is a usage error before any request', async (words, message) => {
    const result = await run(['volume', 'group', 'type', ...words], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
