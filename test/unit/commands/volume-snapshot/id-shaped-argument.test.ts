import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';
import { GONE, OTHER, refusal as refusalOf } from '../../helpers/id-shaped.js';

const refusal = (action: string) => refusalOf('snapshot', action);

/** As for volumes: an ID-shaped argument of a snapshot command that changes state is an ID only. */
describe('an ID-shaped snapshot argument whose ID is gone', () => {
  const mock = mockCinderPerTest();

  function goneButNamed() {
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/${GONE}`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: `Snapshot ${GONE} could not be found.` } });
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/detail?name=${GONE}`, method: 'GET' })
      .reply(200, { snapshots: [{ id: OTHER, name: GONE, status: 'available', size: 1, volume_id: 'v' }] });
  }

  it('snapshot delete refuses the snapshot named after the ID (exit 1), deleting nothing', async () => {
    interceptVersions(mock.pool);
    goneButNamed();
    expect(await run(['volume', 'snapshot', 'delete', GONE], mock.agent)).toEqual({ code: 1, stdout: '', stderr: `ucinder: ${refusal('delete')}\n` });
  });

  it('snapshot set refuses it before any change', async () => {
    interceptVersions(mock.pool);
    goneButNamed();
    expect(await run(['volume', 'snapshot', 'set', '--name', 'x', GONE], mock.agent)).toEqual({ code: 1, stdout: '', stderr: `ucinder: ${refusal('change')}\n` });
  });

  it('snapshot show (a read) still finds it by that name', async () => {
    interceptVersions(mock.pool);
    goneButNamed();
    expect(await run(['volume', 'snapshot', 'show', GONE, '-f', 'value', '-c', 'id'], mock.agent)).toEqual({ code: 0, stdout: `${OTHER}\n`, stderr: '' });
  });
});
