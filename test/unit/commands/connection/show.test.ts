import { describe, expect, it } from 'vitest';
import { mockCinderPerTest, PROJECT } from '../../helpers/harness.js';
import { NODE7_CONNECTOR } from '../../host/fake-host-facts.js';
import { fakeHost, IDENTITY, ISCSI_DATA, VOLUME_ID } from '../attach/fake-host.js';

describe('connection show', () => {
  const mock = mockCinderPerTest();

  it('shows one cached connection by name, offline, CHAP masked, with its file', async () => {
    const host = fakeHost();
    const file = await host.seed('iscsi', ISCSI_DATA);
    const result = await host.run(['connection', 'show', 'vol1', '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      id: VOLUME_ID,
      name: 'vol1',
      endpoint: IDENTITY.endpoint,
      project: PROJECT,
      state: 'initialized',
      host: 'node7',
      connector: NODE7_CONNECTOR,
      driver_volume_type: 'iscsi',
      data: { ...ISCSI_DATA, auth_password: '***' },
      initialized_at: '2030-01-01T00:00:00.000Z',
      api: 'legacy',
      device: null,
      connected_at: null,
      file,
    });
  });

  it('a table shows the connector and the data one row per key, CHAP masked', async () => {
    const host = fakeHost();
    await host.seed('iscsi', ISCSI_DATA);
    const result = await host.run(['connection', 'show', 'vol1'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    const fields = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .map((line) =>
        line
          .split('|')
          .map((cell) => cell.trim())
          .slice(1, 3),
      );
    expect(fields).toContainEqual(['data.auth_password', '***']);
    expect(fields).toContainEqual(['data.target_portal', '192.0.2.10:3260']);
    expect(fields).toContainEqual(['connector.initiator', NODE7_CONNECTOR.initiator]);
    expect(fields.map(([field]) => field)).not.toContain('data');
    expect(result.stdout).not.toContain('s3cr');
    expect(Math.max(...result.stdout.split('\n').map((line) => line.length))).toBeLessThan(160);
  });

  it('finds it by volume ID too; --show-secrets shows the password', async () => {
    const host = fakeHost();
    await host.seed('iscsi', ISCSI_DATA);
    const result = await host.run(['connection', 'show', VOLUME_ID, '--show-secrets', '-f', 'json', '-c', 'data'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({ data: ISCSI_DATA });
  });

  it('an unknown volume: says to run init-connect first', async () => {
    const result = await fakeHost().run(['connection', 'show', 'vol9'], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: no connection info cached for volume 'vol9'; run `ucinder init-connect vol9` first\n" });
  });
});
