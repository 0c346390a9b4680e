import { defineConfig } from 'vitest/config';

// Fast unit tests (MockAgent, no network); integration tests that run the
// built bin/ucinder against the real Cinder test bed; reliability tests; and
// the release artefacts (`npm run package`) on this machine.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
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
        },
      },
    ],
  },
});
