import { describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

const lun = { reference: { 'source-name': 'lun7' }, size: 2, safe_to_manage: true, reason_not_safe: null, cinder_id: null, extra_info: null };
const snap = { ...lun, reference: { 'source-name': 'snap7' }, source_reference: { 'source-name': 'lun7' } };

describe('block storage volume|snapshot manageable list', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it("volumes: openstack's columns; a table shows references as Python dicts", async () => {
    interceptVersions(mock.pool);
    record('GET', '/manageable_volumes?host=node1%40mmj', 200, { 'manageable-volumes': [{ reference: lun.reference, size: 2, safe_to_manage: true }] });
    const result = await run(['block', 'storage', 'volume', 'manageable', 'list', 'node1@mmj'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '+-------------------------+------+----------------+',
        '| reference               | size | safe_to_manage |',
        '+-------------------------+------+----------------+',
        "| {'source-name': 'lun7'} |    2 | True           |",
        '+-------------------------+------+----------------+',
        '',
      ].join('\n'),
    );
  });

  it('--long asks for the detail with marker, limit, offset and sort, and adds the detail columns', async () => {
    interceptVersions(mock.pool);
    record('GET', '/manageable_volumes/detail?host=node1%40mmj&marker=%7B%22source-name%22%3A%22a%22%7D&limit=5&offset=1&sort=size%3Adesc', 200, {
      'manageable-volumes': [lun],
    });
    const result = await run(
      [
        'block',
        'storage',
        'volume',
        'manageable',
        'list',
        'node1@mmj',
        '--long',
        '--marker',
        '{"source-name":"a"}',
        '--limit',
        '5',
        '--offset',
        '1',
        '--sort',
        'size:desc',
        '-f',
        'json',
      ],
      mock.agent,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual([lun]);
    expect(calls).toHaveLength(1);
  });

  it('snapshots --cluster --detailed: source_reference after safe_to_manage', async () => {
    interceptVersions(mock.pool);
    record('GET', '/manageable_snapshots/detail?cluster=c1%40mmj', 200, { 'manageable-snapshots': [snap] });
    const result = await run(['block', 'storage', 'snapshot', 'manageable', 'list', '--cluster', 'c1@mmj', '--detailed', '-f', 'csv'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('"reference","size","safe_to_manage","source_reference","reason_not_safe","cinder_id","extra_info"');
  });

  it.each([
    [[], "give a <host> or --cluster <cluster> to 'block storage volume manageable list'"],
    [['h', '--cluster', 'c'], 'give a <host> or --cluster, not both'],
    [['h', '--sort', 'name'], 'expected <key>[:asc|desc],... with keys size, reference'],
    [['h', '--sort', 'size:up'], 'expected <key>[:asc|desc],...'],
    [['h', '--marker', 'lun7'], 'expected a reference as JSON'],
    [['h', '--limit', '0'], 'expected a positive whole number'],
  ])('bad input %j: exit 2 before any request', async (args, message) => {
    // No stub at all: any request would fail the run with another error.
    const result = await run(['block', 'storage', 'volume', 'manageable', 'list', ...args], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('before 3.8 (and --cluster before 3.17) fails before the listing (exit 1)', async () => {
    interceptVersions(mock.pool, '3.7');
    const old = await run(['block', 'storage', 'snapshot', 'manageable', 'list', 'h'], mock.agent);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/^ucinder: 'block storage snapshot manageable list' needs Block Storage API microversion 3\.8 or later/);
    mock.renew();
    interceptVersions(mock.pool, '3.16');
    const cluster = await run(['block', 'storage', 'volume', 'manageable', 'list', '--cluster', 'c'], mock.agent);
    expect(cluster.code).toBe(1);
    expect(cluster.stderr).toMatch(/^ucinder: --cluster needs Block Storage API microversion 3\.17 or later/);
  });
});
