import { defineConfig } from 'vitest/config';

/**
 * Integration files that start the extra cluster (test/testbed/cluster.sh),
 * change services, or make backups (cinder-backup busy on one core for
 * minutes), and, to even out the two lanes, the attach files (their own
 * volumes only). They run one after another, in a noauth project of their
 * own, side by side with the other integration files: those see none of
 * their volumes, backups or messages, and no service of the test bed's own
 * node changes under them. Much of their time is waiting (a killed node takes
 * service_down_time to show down) or cinder-backup's CPU, not the test's.
 * Measured on a fresh 2-core machine: 952 s for the other files and 658 s for
 * these before the attach files moved here (bench/RESULTS.md).
 */
export const SERVICE_LANE = [
  'test/integration/top.test.ts',
  'test/integration/dead-node.test.ts',
  'test/integration/cluster-service-remove.test.ts',
  'test/integration/group-replication-target.test.ts',
  'test/integration/service-set.test.ts',
  'test/integration/volume-backup.test.ts',
  'test/integration/parity/block-storage-cluster.test.ts',
  'test/integration/parity/volume-service.test.ts',
  'test/integration/parity/availability-zone.test.ts',
  'test/integration/parity/volume-backup.test.ts',
  'test/integration/attach.test.ts',
  'test/integration/attach-host-recovery.test.ts',
];

// Four projects, one after another: fast unit tests (MockAgent, no
// network), integration tests that run the built bin/ucinder against the
// real Cinder test bed, reliability tests (bad input, faults, load), and the
// release files (`npm run package`) on this machine.
export default defineConfig({
  test: {
    // Pools are configured here, for every project that uses them (vitest 3
    // ignores a project's own pool settings): unit tests run in threads,
    // integration and reliability tests in forks, a process per file.
    poolOptions: {
      // One fork at a time whatever the cores: the integration, reliability and
      // package files share one Cinder and one dpkg database. (A project's own
      // fileParallelism is not a project setting in vitest 3: only this holds.)
      forks: { maxForks: 1, minForks: 1 },
      // A thread loads the source once for all its files instead of once per
      // file: loading it was most of the unit suite's time (figures in
      // bench/RESULTS.md). Unit tests get everything they change injected
      // (MockAgent, streams, env, temp dirs), so no file sees another's
      // state; test/unit/structure/test-isolation.test.ts keeps them from
      // mocking modules or globals, which would leak.
      // One thread: the service lane's files (below) must not overlap, and a
      // 2-core machine ran the unit suite on one thread anyway.
      threads: { isolate: false, maxThreads: 1, minThreads: 1 },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'threads',
          // First: the quick feedback, and never competing with the test bed for the cores.
          sequence: { groupOrder: 0 },
          // CPU-heavy tests (builds, a real zsh) on a shared 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: SERVICE_LANE,
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Cinder: files run one after another (the one fork above), tests inside a file in order.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'integration-services',
          include: SERVICE_LANE,
          environment: 'node',
          // A pool of its own (the threads of the unit suite, which has finished
          // by then) is what lets it run beside the integration project's fork.
          pool: 'threads',
          env: { UCINDER_TESTBED_PROJECT: 'c1a5732e5e1ce1a9e0000000000000b2' },
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Bad input, injected faults, state files and security, against a
        // local fault-injecting server (and, for the load test, the test bed).
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 2 },
        },
      },
      {
        // What `npm run package` builds (release/): the single executables with
        // no node on the machine, arm64 under qemu, the .deb installed with
        // dpkg, lintian, the npm tarball offline. The set-up builds it once.
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/package/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // One machine-wide dpkg database and one Cinder: the one fork above.
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
