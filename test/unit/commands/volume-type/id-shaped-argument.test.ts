import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';
import { GONE, OTHER, refusal as refusalOf } from '../../helpers/id-shaped.js';

const refusal = (action: string) => refusalOf('volume type', action);

/** As for volumes: an ID-shaped argument of a type command that changes state is an ID only. */
describe('an ID-shaped volume type argument whose ID is gone', () => {
  const mock = mockCinderPerTest();

  function goneButNamed() {
    mock.pool
      .intercept({ path: `${BASE_PATH}/types/${GONE}`, method: 'GET' })
      .reply(404, { itemNotFound: { code: 404, message: `Volume type with name ${GONE} could not be found.` } });
    mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [{ id: OTHER, name: GONE, is_public: true, extra_specs: {} }] });
  }

  it.each([
    ['delete', ['volume', 'type', 'delete', GONE], 'delete'],
    ['set', ['volume', 'type', 'set', '--property', 'a=b', GONE], 'change'],
    ['unset', ['volume', 'type', 'unset', '--property', 'a', GONE], 'change'],
  ])('type %s refuses the type named after the ID (exit 1), changing nothing', async (_verb, argv, action) => {
    interceptVersions(mock.pool);
    goneButNamed();
    expect(await run(argv, mock.agent)).toEqual({ code: 1, stdout: '', stderr: `ucinder: ${refusal(action)}\n` });
  });

  it('type show (a read) still finds it by that name', async () => {
    interceptVersions(mock.pool);
    goneButNamed();
    expect(await run(['volume', 'type', 'show', GONE, '-f', 'value', '-c', 'id'], mock.agent)).toEqual({ code: 0, stdout: `${OTHER}\n`, stderr: '' });
  });
});
