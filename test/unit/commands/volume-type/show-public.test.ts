import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

/** A public type as Cinder returns it. */
const GOLD = {
  id: 't-gold',
  name: 'gold',
  description: 'gold tier',
  is_public: true,
  'os-volume-type-access:is_public': true,
  qos_specs_id: null,
  extra_specs: { volume_backend_name: 'mmj2' },
};

describe('volume type show of a public type', () => {
  const mock = mockCinderPerTest();

  function found() {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types/t-gold`, method: 'GET' }).reply(200, { volume_type: GOLD });
  }

  it("prints openstack's keys: properties, access_project_ids None, no extra_specs; no access request", async () => {
    found();
    const result = await run(['volume', 'type', 'show', 't-gold', '-f', 'shell'], mock.agent);
    // `openstack volume type show __DEFAULT__ -f shell` on the test bed, field for field.
    expect(result.stdout).toBe(
      'access_project_ids="None"\n' +
        'description="gold tier"\n' +
        'id="t-gold"\n' +
        'is_public="True"\n' +
        'name="gold"\n' +
        "properties=\"{'volume_backend_name': 'mmj2'}\"\n" +
        'qos_specs_id="None"\n',
    );
  });

  it("--raw prints Cinder's own fields", async () => {
    found();
    const result = await run(['volume', 'type', 'show', 't-gold', '-f', 'json', '--raw'], mock.agent);
    expect(JSON.parse(result.stdout)).toStrictEqual(GOLD);
  });
});
