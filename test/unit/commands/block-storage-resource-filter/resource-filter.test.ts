import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const FILTERS = `${BASE_PATH}/resource_filters`;
const ALL = {
  resource_filters: [
    { resource: 'volume', filters: ['name', 'status'] },
    { resource: 'backup', filters: ['name', 'status', 'volume_id'] },
  ],
};

describe('block storage resource filter list|show', () => {
  const mock = mockCinderPerTest();

  it("list: openstack's columns, the filters a Python list in a table and an array in JSON", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: FILTERS, method: 'GET' }).reply(200, ALL);
    const table = await run(['block', 'storage', 'resource', 'filter', 'list', '-f', 'value'], mock.agent);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toBe("volume ['name', 'status']\nbackup ['name', 'status', 'volume_id']\n");
    mock.renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: FILTERS, method: 'GET' }).reply(200, ALL);
    const json = await run(['block', 'storage', 'resource', 'filter', 'list', '-f', 'json'], mock.agent);
    expect(JSON.parse(json.stdout)).toStrictEqual([
      { Resource: 'volume', Filters: ['name', 'status'] },
      { Resource: 'backup', Filters: ['name', 'status', 'volume_id'] },
    ]);
  });

  it('show: one resource, its keys sorted as openstack sorts them', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: FILTERS, method: 'GET', query: { resource: 'backup' } }).reply(200, { resource_filters: [ALL.resource_filters[1]] });
    const result = await run(['block', 'storage', 'resource', 'filter', 'show', 'backup', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('{\n  "filters": [\n    "name",\n    "status",\n    "volume_id"\n  ],\n  "resource": "backup"\n}\n');
  });

  it('show: an unknown resource (Cinder answers an empty list) is a one-line not-found error', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: FILTERS, method: 'GET', query: { resource: 'nope' } }).reply(200, { resource_filters: [] });
    const result = await run(['block', 'storage', 'resource', 'filter', 'show', 'nope'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: No resource filter with a name or ID of 'nope' exists.\n");
  });

  it('needs API 3.33: refused before the request on an older server', async () => {
    interceptVersions(mock.pool, '3.30');
    const result = await run(['block', 'storage', 'resource', 'filter', 'list'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ucinder: block storage resource filter list needs Block Storage API microversion 3\.33 or later, but this session uses 3\.30/);
  });
});
