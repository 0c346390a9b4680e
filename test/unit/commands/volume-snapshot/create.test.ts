import { beforeEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, mockCinderPerTest, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';
const SNAP_ID = '22222222-0000-4000-8000-000000000002';

function snapshot(status: string, extra: Record<string, unknown> = {}) {
  return { id: SNAP_ID, name: 'snap1', status, size: 1, volume_id: VOL_ID, metadata: {}, ...extra };
}

describe('volume snapshot create', () => {
  const mock = mockCinderPerTest();
  let bodies: unknown[] = [];
  beforeEach(() => {
    bodies = [];
  });

  function volumeByName(name: string) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${name}`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=${name}`, method: 'GET' }).reply(200, { volumes: [{ id: VOL_ID, name, status: 'available', size: 1 }] });
  }

  function interceptCreate() {
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots`, method: 'POST' }).reply(202, (options) => {
      bodies.push(jsonBody(options.body));
      return { snapshot: snapshot('creating') };
    });
  }

  function poll(status: string, extra: Record<string, unknown> = {}) {
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/${SNAP_ID}`, method: 'GET' }).reply(200, { snapshot: snapshot(status, extra) });
  }

  it('resolves --volume by name and sends name, description, force and metadata', async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    interceptCreate();
    const result = await run(
      ['volume', 'snapshot', 'create', '--volume', 'vol1', '--force', '--description', 'before upgrade', '--property', 'a=1', 'snap1', '-f', 'json'],
      mock.agent,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(bodies).toStrictEqual([{ snapshot: { volume_id: VOL_ID, name: 'snap1', description: 'before upgrade', force: true, metadata: { a: '1' } } }]);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: SNAP_ID, status: 'creating', volume_id: VOL_ID });
  });

  it('snapshots the volume named like the snapshot when --volume is absent, without force', async () => {
    interceptVersions(mock.pool);
    volumeByName('snap1');
    interceptCreate();
    expect((await run(['volume', 'snapshot', 'create', 'snap1'], mock.agent)).code).toBe(0);
    expect(bodies).toStrictEqual([{ snapshot: { volume_id: VOL_ID, name: 'snap1' } }]);
  });

  it('--wait polls until available and prints the final snapshot; progress goes to stderr', async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    interceptCreate();
    poll('creating');
    poll('available', { 'os-extended-snapshot-attributes:progress': '100%' });
    const result = await run(['volume', 'snapshot', 'create', '--volume', 'vol1', '--wait', 'snap1', '-f', 'value', '-c', 'status'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('available\n');
    expect(result.stderr).toBe("Waiting for snapshot 'snap1' to become available\nsnapshot 'snap1': creating\nsnapshot 'snap1': available\nsnapshot 'snap1' is available\n");
  });

  it('--wait fails with the reason from the messages API when the snapshot ends in error', async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    interceptCreate();
    poll('error');
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=${SNAP_ID}&sort=created_at%3Adesc`, method: 'GET' }).reply(200, {
      messages: [
        {
          id: 'm1',
          event_id: 'VOLUME_SNAPSHOT_001',
          resource_uuid: SNAP_ID,
          user_message: 'create snapshot: Snapshot failed to create.',
          message_level: 'ERROR',
          created_at: 'now',
        },
      ],
    });
    const result = await run(['volume', 'snapshot', 'create', '--volume', 'vol1', '--wait', 'snap1'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("ucinder: snapshot 'snap1' is in status 'error': create snapshot: Snapshot failed to create.\n");
  });

  it('--wait-timeout gives up and says the snapshot continues on the server', async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    interceptCreate();
    poll('creating');
    poll('creating');
    let clock = 0;
    const result = await run(['volume', 'snapshot', 'create', '--volume', 'vol1', '--wait', '--wait-timeout', '1', 'snap1'], mock.agent, {
      // Each poll costs 700 ms of simulated time: the second one passes the 1 s deadline.
      now: () => (clock += 350),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ucinder: timed out after 1 s waiting for snapshot 'snap1' \(last status 'creating'\); it continues on the server\n$/);
  });

  it('Ctrl-C while waiting stops cleanly with exit 130 and says the operation continues', async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    interceptCreate();
    poll('creating');
    const interrupt = new AbortController();
    const result = await run(['volume', 'snapshot', 'create', '--volume', 'vol1', '--wait', 'snap1'], mock.agent, {
      signal: interrupt.signal,
      // The operator presses Ctrl-C during the first pause between polls.
      sleep: async () => {
        interrupt.abort();
        throw new Error('aborted');
      },
    });
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("ucinder: stopped waiting for snapshot 'snap1'; the operation continues on the server\n");
  });

  it('Ctrl-C during a status request also says the operation continues, exit 130', async () => {
    interceptVersions(mock.pool);
    volumeByName('vol1');
    interceptCreate();
    const interrupt = new AbortController();
    mock.pool.intercept({ path: `${BASE_PATH}/snapshots/${SNAP_ID}`, method: 'GET' }).reply(() => {
      // The operator presses Ctrl-C while the first status request is in flight (before its answer).
      interrupt.abort();
      return { statusCode: 200, data: { snapshot: snapshot('creating') } };
    });
    const sleeps: number[] = [];
    const result = await run(['volume', 'snapshot', 'create', '--volume', 'vol1', '--wait', 'snap1'], mock.agent, { signal: interrupt.signal, sleeps });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/ucinder: stopped waiting for snapshot 'snap1'; the operation continues on the server\n$/);
    expect(sleeps).toEqual([]);
  });

  it('an unknown volume fails before anything is created', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/nope`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail?name=nope`, method: 'GET' }).reply(200, { volumes: [] });
    const result = await run(['volume', 'snapshot', 'create', '--volume', 'nope', 'snap1'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: No volume with a name or ID of 'nope' exists.\n" });
  });

  it('--wait-timeout abc is a usage error before any request', async () => {
    const result = await run(['volume', 'snapshot', 'create', '--volume', 'v', '--wait', '--wait-timeout', 'abc', 'snap1'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'abc' is invalid");
  });
});
