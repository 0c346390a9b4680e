import { defineConfig } from 'vitest/config';

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
      // A thread loads the source once for all its files instead of once per
      // file: loading it was most of the unit suite's time (figures in
      // bench/RESULTS.md). Unit tests get everything they change injected
      // (MockAgent, streams, env, temp dirs), so no file sees another's
      // state; test/unit/structure/test-isolation.test.ts keeps them from
      // mocking modules or globals, which would leak.
      threads: { isolate: false },
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
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Cinder: files run one after another, tests inside a file in order.
          fileParallelism: false,
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
          fileParallelism: false,
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
          // One machine-wide dpkg database and one Cinder.
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
