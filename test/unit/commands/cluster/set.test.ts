import { describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

/** What Cinder answers: the cluster's summary plus the disabled reason. */
const SUMMARY = { name: 'cl@be', binary: 'cinder-volume', state: 'up', status: 'disabled', disabled_reason: 'node2 replaced', replication_status: 'enabled' };

describe('cluster set', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('--disable --disable-reason disables the cluster and shows it as openstack does (fields Cinder did not send empty)', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/clusters/disable', 200, { cluster: SUMMARY });
    const result = await run(['block', 'storage', 'cluster', 'set', '--disable', '--disable-reason', 'node2 replaced', 'cl@be', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toEqual([{ method: 'PUT', path: '/clusters/disable', body: { name: 'cl@be', binary: 'cinder-volume', disabled_reason: 'node2 replaced' } }]);
    expect(JSON.parse(result.stdout)).toEqual({
      Name: 'cl@be',
      Binary: 'cinder-volume',
      State: 'up',
      Status: 'disabled',
      'Disabled Reason': 'node2 replaced',
      Hosts: '',
      'Down Hosts': '',
      'Last Heartbeat': '',
      'Created At': '',
      'Updated At': '',
      'Replication Status': 'enabled',
      Frozen: '',
      'Active Backend ID': '',
    });
  });

  it('--enable with --binary enables the cluster (the shortcut `cluster set` too)', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/clusters/enable', 200, { cluster: { ...SUMMARY, name: 'bk@x', binary: 'cinder-backup', status: 'enabled', disabled_reason: null } });
    const result = await run(['cluster', 'set', '--enable', '--binary', 'cinder-backup', 'bk@x', '-f', 'value', '-c', 'Status'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(calls[0]).toEqual({ method: 'PUT', path: '/clusters/enable', body: { name: 'bk@x', binary: 'cinder-backup' } });
    expect(result.stdout).toBe('enabled\n');
  });

  it('an unknown cluster is one line and exit 1', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/clusters/enable', 404, { itemNotFound: { code: 404, message: "Cluster {'binary': 'cinder-volume', 'name': 'nope'} could not be found." } });
    const result = await run(['cluster', 'set', '--enable', 'nope'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ucinder: Cluster \{'binary': 'cinder-volume', 'name': 'nope'\} could not be found\. \(HTTP 404\)\n$/);
  });

  it.each([
    [[], 'give --enable or --disable'],
    [['--enable', '--disable'], "option '--enable' cannot be used with option '--disable'"],
    [['--enable', '--disable-reason', 'x'], '--disable-reason needs --disable'],
  ])('%j is a usage error before any request', async (flags, message) => {
    const result = await run(['cluster', 'set', ...flags, 'cl@be'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('a server older than 3.7 fails before the request', async () => {
    interceptVersions(mock.pool, '3.6');
    const result = await run(['cluster', 'set', '--enable', 'cl@be'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('block storage cluster set needs Block Storage API microversion 3.7 or later, but this session uses 3.6');
  });
});
