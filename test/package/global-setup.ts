import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import integrationSetup from '../integration/global-setup.js';
import { startLintian } from './lintian.js';

/**
 * The package tests read release/, built here once per run by the real
 * `npm run package` (both executables, both .debs, the npm tarball), after
 * the integration set-up (dist/ rebuilt, the test bed up); then lintian is
 * started on the packages (lintian.ts). Returns the teardown.
 */
export default function setup(): () => void {
  integrationSetup();
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
  return startLintian();
}
