import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Integration tests need the built bin and a running test bed. `npm test`
 * provides both; when vitest is run directly, start the test bed here.
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/ucinder.cjs'))) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  execFileSync('bash', [resolve(root, 'test/testbed/testbed.sh'), 'up'], { cwd: root, stdio: 'inherit' });
}
