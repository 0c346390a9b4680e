import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const SUMMARY = `${BASE_PATH}/volumes/summary`;

describe('volume summary', () => {
  const mock = mockCinderPerTest();

  it("prints openstack's fields in its order (not sorted), Metadata from 3.36", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: SUMMARY, method: 'GET' }).reply(200, { 'volume-summary': { total_count: 3, total_size: 12, metadata: { tier: ['gold', 'silver'] } } });
    const result = await run(['volume', 'summary', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('{\n  "Total Count": 3,\n  "Total Size": 12,\n  "Metadata": {\n    "tier": [\n      "gold",\n      "silver"\n    ]\n  }\n}\n');
  });

  it('--all-projects asks for every tenant; a server before 3.36 sends no metadata and none is shown', async () => {
    interceptVersions(mock.pool, '3.20');
    mock.pool.intercept({ path: SUMMARY, method: 'GET', query: { all_tenants: '1' } }).reply(200, { 'volume-summary': { total_count: 0, total_size: 0 } });
    const result = await run(['volume', 'summary', '--all-projects', '-f', 'value'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('0\n0\n');
  });

  it("needs API 3.12: refused before the request, naming the server's maximum", async () => {
    interceptVersions(mock.pool, '3.10');
    const result = await run(['volume', 'summary'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("ucinder: volume summary needs Block Storage API microversion 3.12 or later, but this session uses 3.10 (the server's maximum)\n");
  });

  it('a pin below 3.12 is named as the cause, with the server maximum that unpinning would reach', async () => {
    interceptVersions(mock.pool, '3.70');
    const result = await run(['--os-volume-api-version', '3.5', 'volume', 'summary'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "ucinder: volume summary needs Block Storage API microversion 3.12 or later, but this session uses 3.5 (pinned by --os-volume-api-version / OS_VOLUME_API_VERSION; the server's maximum is 3.70)\n",
    );
  });

  it('a server that publishes no version range is spoken to at 3.0, and the refusal says so', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).reply(404, 'no versions here');
    const result = await run(['volume', 'summary'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'ucinder: volume summary needs Block Storage API microversion 3.12 or later, but this session uses 3.0 (the server publishes no version range: plain 3.0)\n',
    );
  });
});
