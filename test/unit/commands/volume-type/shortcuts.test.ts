import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { stubTypeById, TYPE_ID } from './fixtures.js';

const SHORTCUT_SPECS = { multiattach: '<is> True', cacheable: '<is> True', replication_enabled: '<is> True', 'RESKEY:availability_zones': 'az1,az2' };
const SHORTCUT_FLAGS = ['--multiattach', '--cacheable', '--replicated', '--availability-zone', 'az1', '--availability-zone', 'az2'];

describe("volume type: openstack's extra spec shortcuts and the property filter", () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('create --multiattach --cacheable --replicated --availability-zone sends the extra specs they stand for', async () => {
    interceptVersions(mock.pool);
    record('POST', '/types', 200, { volume_type: { id: 't-m', name: 'm', is_public: true, extra_specs: { tier: 'gold', ...SHORTCUT_SPECS } } });
    const result = await run(['volume', 'type', 'create', '--property', 'tier=gold', ...SHORTCUT_FLAGS, 'm', '-f', 'json'], mock.agent);
    expect(calls[0]!.body).toStrictEqual({ volume_type: { name: 'm', extra_specs: { tier: 'gold', ...SHORTCUT_SPECS }, 'os-volume-type-access:is_public': true } });
    expect(JSON.parse(result.stdout).properties).toStrictEqual({ tier: 'gold', ...SHORTCUT_SPECS });
  });

  it('set with the shortcuts alone sets those extra specs', async () => {
    interceptVersions(mock.pool);
    stubTypeById(mock.pool);
    record('POST', `/types/${TYPE_ID}/extra_specs`, 200, { extra_specs: SHORTCUT_SPECS });
    expect(await run(['volume', 'type', 'set', ...SHORTCUT_FLAGS, TYPE_ID], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([{ method: 'POST', path: `/types/${TYPE_ID}/extra_specs`, body: { extra_specs: SHORTCUT_SPECS } }]);
  });

  it("list --property and the shortcuts filter on Cinder's side (extra_specs, API 3.52)", async () => {
    interceptVersions(mock.pool);
    const query = new URLSearchParams({ is_public: 'None', extra_specs: JSON.stringify({ volume_backend_name: 'mmj2', multiattach: '<is> True' }) });
    mock.pool.intercept({ path: `${BASE_PATH}/types?${query}`, method: 'GET' }).reply(200, { volume_types: [{ id: 't-m', name: 'm', is_public: true }] });
    const result = await run(['volume', 'type', 'list', '--property', 'volume_backend_name=mmj2', '--multiattach', '-f', 'value'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: 't-m m True\n', stderr: '' });
  });

  it('list --property below API 3.52 fails before the listing', async () => {
    interceptVersions(mock.pool, '3.51');
    const result = await run(['volume', 'type', 'list', '--property', 'a=b'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "ucinder: filtering volume types by property needs Block Storage API microversion 3.52 or later, but this session uses 3.51 (the server's maximum)\n",
    );
  });

  it('list --default with a filter is a usage error', async () => {
    const result = await run(['volume', 'type', 'list', '--default', '--multiattach'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--default lists the one default type');
  });
});
