// The test bed's connection settings for the benchmarks, with private caches.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin/ucinder');

export function benchEnv() {
  const text = execFileSync('bash', [join(ROOT, 'test/testbed/testbed.sh'), 'env'], { encoding: 'utf8' });
  const testbed = {};
  for (const match of text.matchAll(/^export (\w+)=(.*)$/gm)) testbed[match[1]] = match[2].replace(/^["']|["']$/g, '');
  const home = mkdtempSync(join(tmpdir(), 'ucinder-bench-'));
  // Peers get a clean environment: OS_* variables meant for ucinder's noauth
  // would confuse their own auth plugins.
  const cleanEnv = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8' };
  return {
    ucinderEnv: { ...cleanEnv, ...testbed, XDG_CACHE_HOME: join(home, 'cache') },
    cleanEnv,
    project: testbed.OS_PROJECT_ID,
    endpoint: testbed.OS_ENDPOINT,
  };
}
