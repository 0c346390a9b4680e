import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { MockAgent } from 'undici';
import type { HostFacts } from '../../../../src/host/connector.js';
import type { Confirmer } from '../../../../src/output/confirm.js';
import { ConnectionStore, type ConnectionEntry } from '../../../../src/state/connections.js';
import { BASE_PATH, ENDPOINT_ROOT, PROJECT, run, tempDir, type RunResult } from '../../helpers/harness.js';
import { NODE7_CONNECTOR, node7 } from '../../host/fake-host-facts.js';
import { FakeProbe, RecordingRunner, type ScriptedAnswer } from '../../host/recording-runner.js';

/**
 * What the host-side commands (init-connect, connect, disconnect,
 * term-connect, connection, connector) run against in unit tests: node7's
 * fixed facts, a recording runner, a fake /dev, a clock that only the
 * command's sleeps move, and a fresh --state-dir.
 */

export const VOLUME_ID = '7a1f0c3e-0000-4000-8000-000000000007';
export const IQN = `iqn.2010-10.org.openstack:volume-${VOLUME_ID}`;
/** The block-storage endpoint and project every cache entry of these tests belongs to. */
export const IDENTITY = { endpoint: `${ENDPOINT_ROOT}${BASE_PATH}`, project: PROJECT };
/** When the tests' clock starts. */
export const T0 = Date.parse('2030-01-02T03:04:05.000Z');

/** connection_info.data as Cinder's LVM/iSCSI driver returns it, CHAP included. */
export const ISCSI_DATA = {
  target_discovered: false,
  target_portal: '192.0.2.10:3260',
  target_iqn: IQN,
  target_lun: 1,
  volume_id: VOLUME_ID,
  auth_method: 'CHAP',
  auth_username: 'chapuser',
  auth_password: "s3cr;et $(reboot) 'x'",
  encrypted: false,
  qos_specs: null,
  access_mode: 'rw',
};
export const ISCSI_DEVICE = `/dev/disk/by-path/ip-192.0.2.10:3260-iscsi-${IQN}-lun-1`;

/** As Cinder's RBD driver returns it. */
export const RBD_DATA = {
  name: `volumes/volume-${VOLUME_ID}`,
  hosts: ['192.0.2.20', '192.0.2.21'],
  ports: ['6789', '6789'],
  auth_enabled: true,
  auth_username: 'cinder',
  secret_type: 'ceph',
  keyring: null,
  cluster_name: 'ceph',
  discard: true,
};
export const RBD_DEVICE = `/dev/rbd/volumes/volume-${VOLUME_ID}`;

/** NVMe-oF in Cinder's v2 shape (target_nqn, portals). */
export const NVMEOF_DATA = {
  target_nqn: 'nqn.2016-06.io.spdk:cnode7',
  vol_uuid: VOLUME_ID,
  portals: [['192.0.2.30', '4420', 'tcp']],
};
export const NVME_DEVICE = '/dev/nvme0n1';

export interface FakeHost {
  stateDir: string;
  runner: RecordingRunner;
  probe: FakeProbe;
  /** Every sleep the command asked for, in milliseconds. */
  sleeps: number[];
  /** Runs ucinder in-process on this host; `--state-dir` is appended to argv. */
  run(argv: string[], agent: MockAgent, env?: Record<string, string | undefined>, confirm?: Confirmer): Promise<RunResult>;
  /** Writes a cache entry (volume 'vol1' unless `changes` names another) as init-connect (and connect) would have; returns its file. */
  seed(driverVolumeType: string, data: Record<string, unknown>, changes?: Partial<ConnectionEntry>): Promise<string>;
  /** The cache file of 'vol1' behind IDENTITY. */
  cacheFile(name?: string): string;
}

export interface FakeHostOptions {
  /** How the host commands answer (default: exit 0). */
  answers?: ScriptedAnswer[];
  /** Default: node7 with open-iscsi and nvme-cli. */
  facts?: HostFacts;
}

export function fakeHost({ answers = [], facts = node7() }: FakeHostOptions = {}): FakeHost {
  const stateDir = tempDir('attach-state');
  const store = new ConnectionStore(join(stateDir, 'connections'));
  const runner = new RecordingRunner(answers);
  const probe = new FakeProbe();
  const sleeps: number[] = [];
  let clock = T0;
  return {
    stateDir,
    runner,
    probe,
    sleeps,
    run: (argv, agent, env = {}, confirm) =>
      run([...argv, '--state-dir', stateDir], agent, {
        env,
        ...(confirm ? { confirm } : {}),
        hostFacts: facts,
        runner,
        deviceProbe: probe,
        now: () => clock,
        sleeps,
        sleep: async (ms) => {
          clock += ms;
        },
      }),
    seed: async (driverVolumeType, data, changes = {}) => {
      const entry: ConnectionEntry = {
        volume: { id: VOLUME_ID, name: 'vol1', ...IDENTITY },
        connector: NODE7_CONNECTOR,
        connection: { driver_volume_type: driverVolumeType, initialized_at: '2030-01-01T00:00:00.000Z', api: 'legacy' },
        data,
        ...changes,
      };
      const path = store.pathFor(entry.volume.name, IDENTITY);
      await store.update(path, () => entry);
      return path;
    },
    cacheFile: (name = 'vol1') => store.pathFor(name, IDENTITY),
  };
}

/** The permission bits of a file. */
export function fileMode(path: string): number {
  return statSync(path).mode & 0o777;
}
