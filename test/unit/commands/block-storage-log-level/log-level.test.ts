import { describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';

describe('block storage log level list|set', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it("list: PUT os-services/get-log with openstack's flags; one row per logger, sorted, in openstack's columns", async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-services/get-log', 200, {
      log_levels: [{ binary: 'cinder-volume', host: 'node1@mmj', levels: { 'cinder.volume.manager': 'INFO', 'cinder.volume': 'DEBUG' } }],
    });
    const result = await run(
      ['block', 'storage', 'log', 'level', 'list', '--host', 'node1@mmj', '--service', 'cinder-volume', '--log-prefix', 'cinder.volume', '-f', 'csv'],
      mock.agent,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toStrictEqual([{ method: 'PUT', path: '/os-services/get-log', body: { binary: 'cinder-volume', server: 'node1@mmj', prefix: 'cinder.volume' } }]);
    expect(result.stdout).toBe(
      '"Binary","Host","Prefix","Level"\n"cinder-volume","node1@mmj","cinder.volume","DEBUG"\n"cinder-volume","node1@mmj","cinder.volume.manager","INFO"\n',
    );
  });

  it('set: the level in any case becomes upper case; no filters send empty strings (every service), no output', async () => {
    interceptVersions(mock.pool);
    record('PUT', '/os-services/set-log', 202, '');
    const result = await run(['block', 'storage', 'log', 'level', 'set', 'debug'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([{ method: 'PUT', path: '/os-services/set-log', body: { level: 'DEBUG', binary: '', server: '', prefix: '' } }]);
  });

  it.each([
    [['set', 'VERBOSE'], "'VERBOSE' is not a log level; choose from INFO, WARNING, ERROR, DEBUG."],
    [['set'], "missing required argument 'level'"],
    [['list', '--service', 'nova-compute'], "'nova-compute' is not a Cinder service; choose from *, cinder-api, cinder-volume, cinder-scheduler, cinder-backup."],
    [['set', 'INFO', '--service', 'cinder'], "'cinder' is not a Cinder service"],
  ])('%j is a usage error (exit 2) before any request', async (args, message) => {
    const result = await run(['block', 'storage', 'log', 'level', ...args], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it.each([['list'], ['set', 'INFO']])('%j on a server older than 3.32: names the command and the version, sends nothing', async (...args) => {
    interceptVersions(mock.pool, '3.31');
    const result = await run(['block', 'storage', 'log', 'level', ...args], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `ucinder: block storage log level ${args[0]} needs Block Storage API microversion 3.32 or later, but this session uses 3.31 ` + "(the server's maximum)\n",
    );
  });
});
