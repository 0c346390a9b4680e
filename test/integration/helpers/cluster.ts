import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../../support/ucinder-process.js';

/**
 * The extra active/active cluster of test/testbed/cluster.sh: two
 * cinder-volume processes next to the shared test bed, in their own zone, so
 * tests may disable, freeze or remove them without touching the test bed's
 * own services.
 */
export const EXTRA_CLUSTER = 'ucinder-cluster@clbe';
export const EXTRA_CLUSTER_HOSTS = ['ucinder-cl1@clbe', 'ucinder-cl2@clbe'];

export function clusterSh(args: string[], timeout = 240_000): void {
  execFileSync('bash', [join(ROOT, 'test/testbed/cluster.sh'), ...args], { stdio: 'inherit', timeout });
}

/** Starts the cluster before the enclosing suite's tests and removes it (processes and rows) after them. */
export function withExtraCluster(): void {
  beforeAll(() => clusterSh(['start']), 300_000);
  afterAll(() => clusterSh(['stop']), 300_000);
}
