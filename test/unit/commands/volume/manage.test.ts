import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const VOL_ID = '11111111-0000-4000-8000-000000000001';
const HOST = 'node1@mmj#mmj';

function volume(status: string, extra: Record<string, unknown> = {}) {
  return { id: VOL_ID, name: 'adopted', status, size: 0, metadata: {}, 'os-vol-host-attr:host': HOST, ...extra };
}

describe('volume create --remote-source (manage)', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('posts the reference, host and settings to manageable_volumes and prints the volume', async () => {
    interceptVersions(mock.pool);
    record('POST', '/manageable_volumes', 202, { volume: volume('creating') });
    const result = await run(
      [
        'volume',
        'create',
        '--remote-source',
        'source-name=lun7',
        '--host',
        HOST,
        '--type',
        'mmj',
        '--description',
        'old lun',
        '--property',
        'a=1',
        '--bootable',
        'adopted',
        '-f',
        'json',
      ],
      mock.agent,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls.map((call) => call.body)).toStrictEqual([
      { volume: { ref: { 'source-name': 'lun7' }, host: HOST, name: 'adopted', description: 'old lun', volume_type: 'mmj', metadata: { a: '1' }, bootable: true } },
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: VOL_ID, status: 'creating' });
  });

  it('--cluster sends the cluster; --wait polls until available', async () => {
    interceptVersions(mock.pool);
    record('POST', '/manageable_volumes', 202, { volume: volume('creating') });
    record('GET', `/volumes/${VOL_ID}`, 200, { volume: volume('available', { size: 2 }) });
    const result = await run(['volume', 'create', '--remote-source', 'source-id=7', '--cluster', 'c1@mmj', '--wait', 'adopted', '-f', 'value', '-c', 'size'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2\n');
    expect(calls[0]!.body).toStrictEqual({ volume: { ref: { 'source-id': '7' }, cluster: 'c1@mmj', name: 'adopted' } });
  });

  it('--wait on a reference the backend does not list: says so, and where Cinder logged its reason (exit 1)', async () => {
    interceptVersions(mock.pool);
    mock.pool
      .intercept({ path: `${BASE_PATH}/manageable_volumes`, method: 'POST' })
      .reply(202, { volume: volume('creating') }, { headers: { 'x-openstack-request-id': 'req-1234' } });
    record('GET', `/volumes/${VOL_ID}`, 200, { volume: volume('error') });
    record('GET', `/messages?resource_uuid=${VOL_ID}&sort=created_at%3Adesc`, 200, { messages: [] });
    record('GET', '/manageable_volumes?host=node1%40mmj', 200, { 'manageable-volumes': [{ reference: { 'source-name': 'lun8' }, size: 1, safe_to_manage: true }] });
    const result = await run(['volume', 'create', '--remote-source', 'source-name=nope', '--host', HOST, '--wait', 'adopted'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      "ucinder: volume 'adopted' is in status 'error': the backend node1@mmj lists no manageable item with reference {'source-name': 'nope'}; Cinder logged the reason under req-1234 in the log of cinder-volume node1@mmj",
    );
  });

  it.each([
    [['--remote-source', 'source-name=x', 'v'], '--remote-source needs exactly one of --host or --cluster'],
    [['--remote-source', 'source-name=x', '--host', 'h', '--cluster', 'c', 'v'], '--remote-source needs exactly one of --host or --cluster'],
    [['--remote-source', 'source-name=x', '--host', 'h', '--size', '1', 'v'], '--remote-source cannot be combined with --size'],
    [['--size', '1', '--host', 'h', 'v'], '--host and --cluster go with --remote-source only'],
    [['--remote-source', 'nokey', '--host', 'h', 'v'], "expected key=value, got 'nokey'"],
  ])('bad input %j: one line, exit 2, no request', async (args, message) => {
    const result = await run(['volume', 'create', ...args], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--cluster before 3.16 fails before the manage request (exit 1)', async () => {
    interceptVersions(mock.pool, '3.15');
    const result = await run(['volume', 'create', '--remote-source', 'source-name=x', '--cluster', 'c1@mmj', 'v'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ucinder: --cluster needs Block Storage API microversion 3\.16 or later, but this session uses 3\.15/);
  });
});

describe('volume delete --remote (unmanage)', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('sends os-unmanage, not DELETE', async () => {
    interceptVersions(mock.pool);
    record('POST', `/volumes/${VOL_ID}/action`, 202, '');
    const result = await run(['volume', 'delete', '--remote', VOL_ID], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls).toStrictEqual([{ method: 'POST', path: `/volumes/${VOL_ID}/action`, body: { 'os-unmanage': {} } }]);
  });

  it('--remote with --force or --cascade is a usage error (exit 2)', async () => {
    for (const flag of ['--force', '--cascade']) {
      const result = await run(['volume', 'delete', '--remote', flag, VOL_ID], mock.agent);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('cannot be used with option');
    }
  });
});
