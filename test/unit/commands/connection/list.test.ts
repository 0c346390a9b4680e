import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mockCinderPerTest, PROJECT } from '../../helpers/harness.js';
import { fakeHost, IDENTITY, IQN, ISCSI_DATA, ISCSI_DEVICE, RBD_DATA, VOLUME_ID } from '../attach/fake-host.js';

describe('connection list', () => {
  const mock = mockCinderPerTest();

  it('lists every cached connection of this host, offline; a damaged file is skipped with a warning', async () => {
    const host = fakeHost();
    await host.seed('iscsi', ISCSI_DATA, { device: { path: ISCSI_DEVICE, paths: [ISCSI_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: false } });
    await host.seed('rbd', RBD_DATA, { volume: { id: 'b2', name: 'vol2', ...IDENTITY } });
    const damaged = join(host.stateDir, 'connections', 'broken.0000000000.ini');
    writeFileSync(damaged, '[volume]\nname = broken\n');
    const result = await host.run(['connection', 'list', '--long', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`ucinder: warning: skipping ${damaged}: connection cache file ${damaged} is damaged (no volume id); delete it and run init-connect again\n`);
    expect(JSON.parse(result.stdout)).toStrictEqual([
      {
        Name: 'vol1',
        ID: VOLUME_ID,
        Protocol: 'iscsi',
        Target: `192.0.2.10:3260 ${IQN} lun 1`,
        Device: ISCSI_DEVICE,
        State: 'connected',
        Host: 'node7',
        Project: PROJECT,
        Endpoint: IDENTITY.endpoint,
      },
      {
        Name: 'vol2',
        ID: 'b2',
        Protocol: 'rbd',
        Target: `volumes/volume-${VOLUME_ID}`,
        Device: '',
        State: 'initialized',
        Host: 'node7',
        Project: PROJECT,
        Endpoint: IDENTITY.endpoint,
      },
    ]);
  });

  it('the default table fits a 120-column terminal: name, ID, protocol, state and host (--long for the rest)', async () => {
    const host = fakeHost();
    await host.seed('iscsi', ISCSI_DATA, {
      volume: { id: VOLUME_ID, name: 'database-primary-data-01', ...IDENTITY },
      device: { path: ISCSI_DEVICE, paths: [ISCSI_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: true },
    });
    const result = await host.run(['connection', 'list'], mock.agent);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[1]).toBe('| Name                     | ID                                   | Protocol | State    | Host  |');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(120);
    expect((await host.run(['connection', 'list', '-c', 'Device'], mock.agent)).code).toBe(2);
    expect((await host.run(['connection', 'list', '--long', '-c', 'Device', '-f', 'value'], mock.agent)).stdout).toBe(`${ISCSI_DEVICE}\n`);
  });

  it('an empty state directory lists nothing', async () => {
    const result = await fakeHost().run(['connection', 'list', '-f', 'value'], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
