import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (MockAgent, no network) and integration tests
// that run the built bin/ucinder against the real Cinder test bed.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A worker loads the source once for all its files instead of once
          // per file: loading it was most of the unit suite's time (measured
          // in bench/RESULTS.md). Unit tests get everything they change
          // injected (MockAgent, streams, env, temp dirs), so no file sees
          // another's state; test/unit/structure/test-isolation.test.ts keeps
          // them from mocking modules or globals, which would leak.
          isolate: false,
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
        },
      },
    ],
  },
});
