import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const DETAIL = `${BASE_PATH}/volumes/detail`;
const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';
const USER = 'aaaabbbbccccddddeeeeffff00001111';
const VOLUME_FILTERS = { resource_filters: [{ resource: 'volume', filters: ['name', 'status', 'metadata', 'bootable', 'availability_zone', 'size'] }] };

describe('volume list filters', () => {
  const mock = mockCinderPerTest();

  it("--project asks for that project's volumes across tenants, as openstack sends it; --user filters on the user", async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: DETAIL, method: 'GET', query: { all_tenants: '1', project_id: OTHER_PROJECT, user_id: USER } })
      .reply(200, { volumes: [{ id: 'v-1', name: 'a', status: 'available', size: 1, attachments: [] }] });
    const result = await run(['volume', 'list', '--project', OTHER_PROJECT, '--user', USER, '-f', 'value', '-c', 'Name'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('a\n');
  });

  it('--property goes as the Python dict literal Cinder evaluates; --bootable / --non-bootable as true / false', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET', query: { metadata: "{'tier': 'gold', 'app': \"it's\"}", bootable: 'true' } }).reply(200, { volumes: [] });
    const bootable = await run(['volume', 'list', '--property', 'tier=gold', '--property', "app=it's", '--bootable'], mock.agent);
    expect(bootable.code, bootable.stderr).toBe(0);
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: DETAIL, method: 'GET', query: { bootable: 'false' } }).reply(200, { volumes: [] });
    expect((await run(['volume', 'list', '--non-bootable'], mock.agent)).code).toBe(0);
  });

  it("--filter checks the keys against the server's own list, then sends them (key~ for inexact matches)", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/resource_filters`, method: 'GET', query: { resource: 'volume' } }).reply(200, VOLUME_FILTERS);
    mock.pool
      .intercept({ path: DETAIL, method: 'GET', query: { availability_zone: 'nova', 'name~': 'web' } })
      .reply(200, { volumes: [{ id: 'v-2', name: 'web1', status: 'available', size: 1, attachments: [] }] });
    const result = await run(['volume', 'list', '--filter', 'availability_zone=nova', '--filter', 'name~=web', '-f', 'value', '-c', 'ID'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('v-2\n');
  });

  it('an unknown --filter key is refused (exit 2) before the listing: Cinder would drop it silently for an admin and list everything', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/resource_filters`, method: 'GET', query: { resource: 'volume' } }).reply(200, VOLUME_FILTERS);
    const result = await run(['volume', 'list', '--filter', 'availabilty_zone=nova'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'ucinder: --filter availabilty_zone: not a volume filter this server enables (it enables: name, status, metadata, bootable, availability_zone, size)\n',
    );
  });

  it('a --filter key a flag owns, and --bootable with --non-bootable, are usage errors before any request', async () => {
    const owned = await run(['volume', 'list', '--filter', 'status=available'], mock.agent);
    expect(owned.code).toBe(2);
    expect(owned.stderr).toBe('ucinder: --filter status=… is not a resource filter here: use --status\n');
    const both = await run(['volume', 'list', '--bootable', '--non-bootable'], mock.agent);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--non-bootable.*cannot be used with.*--bootable|--bootable.*cannot be used with.*--non-bootable/);
  });

  it('--filter needs API 3.33: refused before the listing on an older server', async () => {
    interceptVersions(mock.pool, '3.27');
    const result = await run(['volume', 'list', '--filter', 'size=1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ucinder: volume list --filter needs Block Storage API microversion 3\.33 or later, but this session uses 3\.27/);
  });

  it('under noauth a --project or --user name cannot be looked up: exit 2, no request', async () => {
    const project = await run(['volume', 'list', '--project', 'admin'], mock.agent);
    expect(project.code).toBe(2);
    expect(project.stderr).toMatch(/--project 'admin' is not a project ID/);
    const user = await run(['volume', 'list', '--user', 'alice'], mock.agent);
    expect(user.code).toBe(2);
    expect(user.stderr).toMatch(/--user 'alice' is not a user ID, and with --os-auth-type noauth there is no Keystone to look user names up in/);
  });
});
