import { describe, expect, it } from 'vitest';
import { IscsiConnector } from '../../../../src/host/connectors/iscsi.js';
import type { Connector } from '../../../../src/host/connector.js';
import { FakeProbe, RecordingRunner, fakeContext } from '../recording-runner.js';

const IQN = 'iqn.2010-10.org.openstack:volume-1';
const data = {
  target_portal: '127.0.0.1:3260',
  target_iqn: IQN,
  target_lun: 1,
  auth_method: 'CHAP',
  auth_username: 'user1',
  auth_password: 's3cr;et $(reboot)',
  target_portals: ['127.0.0.1:3260', '127.0.0.2:3260'],
  target_iqns: [IQN, IQN],
  target_luns: [1, 1],
};
const connector = (multipath: boolean) => ({ host: 'h', multipath }) as unknown as Connector;
const node = (portal: string) => `iscsiadm -m node -T ${IQN} -p ${portal}`;
const device = (portal: string) => `/dev/disk/by-path/ip-${portal}-iscsi-${IQN}-lun-1`;

describe('iSCSI connector', () => {
  it('creates the node, sets CHAP, logs in and finds the by-path device', async () => {
    const runner = new RecordingRunner();
    const { context } = fakeContext(runner, new FakeProbe(new Set([device('127.0.0.1:3260')])));
    const outcome = await new IscsiConnector().attach(data, connector(false), context);
    expect(outcome).toEqual({ device: device('127.0.0.1:3260'), paths: [device('127.0.0.1:3260')] });
    expect(runner.shown()).toEqual([
      `${node('127.0.0.1:3260')} --interface default --op new`,
      `${node('127.0.0.1:3260')} --op update -n node.session.auth.authmethod -v CHAP`,
      `${node('127.0.0.1:3260')} --op update -n node.session.auth.username -v user1`,
      `${node('127.0.0.1:3260')} --op update -n node.session.auth.password -v '***'`,
      `${node('127.0.0.1:3260')} --login`,
      `${node('127.0.0.1:3260')} --op update -n node.startup -v automatic`,
    ]);
    // The secret travels as one argv element, verbatim: no shell ever sees it.
    expect(runner.calls[3]!.at(-1)).toEqual({ secret: 's3cr;et $(reboot)', variable: 'UCINDER_CHAP_PASSWORD' });
  });

  it('treats exit 15 (already logged in) as success', async () => {
    const runner = new RecordingRunner([{ when: /--login/, exitCode: 15, stderr: 'iscsiadm: default: 1 session requested, but 1 already present.' }]);
    const { context } = fakeContext(runner, new FakeProbe(new Set([device('127.0.0.1:3260')])));
    await expect(new IscsiConnector().attach(data, connector(false), context)).resolves.toMatchObject({ device: device('127.0.0.1:3260') });
  });

  it('explains a CHAP failure (exit 24) with the tool stderr', async () => {
    const runner = new RecordingRunner([{ when: /--login/, exitCode: 24, stderr: 'iscsiadm: Login failed to authenticate with target' }]);
    const { context } = fakeContext(runner, new FakeProbe());
    await expect(new IscsiConnector().attach(data, connector(false), context)).rejects.toThrow(/CHAP authentication failed .*Login failed to authenticate with target/);
  });

  it('logs in to every portal with multipath and returns the multipath map', async () => {
    const runner = new RecordingRunner();
    const probe = new FakeProbe(new Set([device('127.0.0.1:3260'), device('127.0.0.2:3260')]), new Map([[device('127.0.0.1:3260'), '/dev/mapper/mpatha']]));
    const { context } = fakeContext(runner, probe);
    const outcome = await new IscsiConnector().attach(data, connector(true), context);
    expect(outcome).toEqual({ device: '/dev/mapper/mpatha', paths: [device('127.0.0.1:3260'), device('127.0.0.2:3260')] });
    expect(runner.shown().filter((line) => line.endsWith('--login'))).toEqual([`${node('127.0.0.1:3260')} --login`, `${node('127.0.0.2:3260')} --login`]);
  });

  it('goes on with the paths that work when one portal fails', async () => {
    const runner = new RecordingRunner([{ when: /127\.0\.0\.2:3260 --login/, exitCode: 8, stderr: 'iscsiadm: connection timed out' }]);
    const probe = new FakeProbe(new Set([device('127.0.0.1:3260')]));
    const { context, warnings } = fakeContext(runner, probe);
    const outcome = await new IscsiConnector().attach(data, connector(true), context);
    expect(outcome.device).toBe(device('127.0.0.1:3260'));
    expect(warnings.join('\n')).toMatch(/127\.0\.0\.2:3260 timed out/);
  });

  it('fails with a clear message when the device never appears', async () => {
    const { context } = fakeContext(new RecordingRunner(), new FakeProbe(), { deviceTimeoutMs: 2000 });
    await expect(new IscsiConnector().attach(data, connector(false), context)).rejects.toThrow(`${device('127.0.0.1:3260')} did not appear within 2 s`);
  });

  it('detaches: flush, startup manual, logout, delete; exit 21 (no session) is fine', async () => {
    const runner = new RecordingRunner([{ when: /--logout|--op delete/, exitCode: 21 }]);
    const { context } = fakeContext(runner, new FakeProbe(new Set([device('127.0.0.1:3260')])));
    await new IscsiConnector().detach(data, connector(false), device('127.0.0.1:3260'), context);
    expect(runner.shown()).toEqual([
      `blockdev --flushbufs ${device('127.0.0.1:3260')}`,
      `${node('127.0.0.1:3260')} --op update -n node.startup -v manual`,
      `${node('127.0.0.1:3260')} --logout`,
      `${node('127.0.0.1:3260')} --op delete`,
    ]);
  });

  it('flushes the multipath map before logging out of every portal', async () => {
    const runner = new RecordingRunner();
    const { context } = fakeContext(runner, new FakeProbe(new Set(['/dev/mapper/mpatha'])));
    await new IscsiConnector().detach(data, connector(true), '/dev/mapper/mpatha', context);
    expect(runner.shown()[0]).toBe('multipath -f /dev/mapper/mpatha');
    expect(runner.shown().filter((line) => line.endsWith('--logout'))).toHaveLength(2);
  });

  it('onHost: the by-path links there, against one per portal with multipath; the map over them is the device', async () => {
    const iscsi = new IscsiConnector();
    const probe = new FakeProbe(new Set([device('127.0.0.2:3260')]));
    expect(await iscsi.onHost(data, connector(false), probe)).toEqual({ paths: [], expected: 1 });
    expect(await iscsi.onHost(data, connector(true), probe)).toEqual({ device: device('127.0.0.2:3260'), paths: [device('127.0.0.2:3260')], expected: 2 });
    probe.present.add(device('127.0.0.1:3260'));
    probe.holders.set(device('127.0.0.1:3260'), '/dev/mapper/mpatha');
    expect(await iscsi.onHost(data, connector(true), probe)).toEqual({
      device: '/dev/mapper/mpatha',
      paths: [device('127.0.0.1:3260'), device('127.0.0.2:3260')],
      expected: 2,
    });
  });
});
