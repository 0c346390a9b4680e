import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Integration and reliability tests run the built bin/ucinder against a
 * running test bed. dist/ is rebuilt on every run: a bundle left over from
 * an earlier checkout once got tested instead of the code under test. Then
 * the test bed is started (idempotent, ~0.2 s when it is up).
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  execFileSync('bash', [resolve(root, 'test/testbed/testbed.sh'), 'up'], { cwd: root, stdio: 'inherit' });
}
