import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';
import { GONE, OTHER, refusal as refusalOf } from '../../helpers/id-shaped.js';

const refusal = (action: string) => refusalOf('QoS specification', action);

/** As for volumes and types: an ID-shaped argument of a QoS command that changes state is an ID only. */
describe('an ID-shaped QoS specification argument whose ID is gone', () => {
  const mock = mockCinderPerTest();

  function goneButNamed() {
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs/${GONE}`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: `QoS Specs ${GONE} could not be found.` } });
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs`, method: 'GET' }).reply(200, { qos_specs: [{ id: OTHER, name: GONE, consumer: 'both', specs: {} }] });
  }

  it.each([
    ['delete', ['volume', 'qos', 'delete', GONE], 'delete'],
    ['set', ['volume', 'qos', 'set', '--property', 'a=b', GONE], 'change'],
    ['unset', ['volume', 'qos', 'unset', '--property', 'a', GONE], 'change'],
    ['associate', ['volume', 'qos', 'associate', GONE, 'gold'], 'change'],
    ['disassociate', ['volume', 'qos', 'disassociate', '--all', GONE], 'change'],
  ])('qos %s refuses the specification named after the ID (exit 1), changing nothing', async (_verb, argv, action) => {
    interceptVersions(mock.pool);
    goneButNamed();
    expect(await run(argv, mock.agent)).toEqual({ code: 1, stdout: '', stderr: `ucinder: ${refusal(action)}\n` });
  });

  it('qos show (a read) still finds it by that name', async () => {
    interceptVersions(mock.pool);
    goneButNamed();
    mock.pool.intercept({ path: `${BASE_PATH}/qos-specs/${OTHER}/associations`, method: 'GET' }).reply(200, { qos_associations: [] });
    expect(await run(['volume', 'qos', 'show', GONE, '-f', 'value', '-c', 'id'], mock.agent)).toEqual({ code: 0, stdout: `${OTHER}\n`, stderr: '' });
  });
});
