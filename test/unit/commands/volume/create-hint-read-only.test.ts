import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';

const NEW_ID = '5f0c3a1e-0000-4000-8000-000000000001';

function volume(status: string, extra: Record<string, unknown> = {}) {
  return { id: NEW_ID, name: 'vol1', status, size: 1, bootable: 'false', attachments: [], ...extra };
}

/** openstack's `volume create --hint` and `--read-only/--read-write`, as scripts already use them. */
describe('volume create --hint, --read-only, --read-write', () => {
  const mock = mockCinderPerTest();

  function interceptCreate(bodies: unknown[]) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes`, method: 'POST' }).reply(202, (options) => {
      bodies.push(jsonBody(options.body));
      return { volume: volume('creating') };
    });
  }

  it('--hint sends the scheduler hints beside the volume, as cinderclient does (OS-SCH-HNT:scheduler_hints)', async () => {
    interceptVersions(mock.pool);
    const bodies: unknown[] = [];
    interceptCreate(bodies);
    const result = await run(['volume', 'create', '--size', '1', '--hint', 'different_host=abc', '--hint', 'local_to_instance=i-1', 'vol1', '-f', 'value', '-c', 'id'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: `${NEW_ID}\n`, stderr: '' });
    expect(bodies).toStrictEqual([{ volume: { name: 'vol1', size: 1 }, 'OS-SCH-HNT:scheduler_hints': { different_host: 'abc', local_to_instance: 'i-1' } }]);
  });

  it('--read-only waits until the volume is available (Cinder changes the flag only then), sets it, and shows the volume after', async () => {
    interceptVersions(mock.pool);
    const bodies: unknown[] = [];
    interceptCreate(bodies);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}`, method: 'GET' }).reply(200, { volume: volume('available') });
    let action: unknown;
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}/action`, method: 'POST' }).reply(202, (options) => {
      action = jsonBody(options.body);
      return '';
    });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${NEW_ID}`, method: 'GET' }).reply(200, { volume: volume('available', { metadata: { readonly: 'True' } }) });
    const result = await run(['volume', 'create', '--size', '1', '--read-only', 'vol1', '-f', 'json', '-c', 'properties'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({ properties: { readonly: 'True' } });
    expect(action).toStrictEqual({ 'os-update_readonly_flag': { readonly: true } });
  });

  it('--read-only with --read-write is a usage error before any request', async () => {
    expect((await run(['volume', 'create', '--size', '1', '--read-only', '--read-write', 'vol1'], mock.agent)).code).toBe(2);
    expect((await run(['volume', 'create', '--size', '1', '--hint', 'nokey', 'vol1'], mock.agent)).code).toBe(2);
  });
});
