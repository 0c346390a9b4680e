import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './ucinder-process.js';

/** The `export NAME=value` lines a test bed script prints with `env`, as an object. */
export function testbedScriptEnv(script: string): Record<string, string> {
  const text = execFileSync('bash', [join(ROOT, 'test/testbed', script), 'env'], { encoding: 'utf8' });
  const env: Record<string, string> = {};
  for (const match of text.matchAll(/^export (\w+)=(.*)$/gm)) env[match[1]!] = match[2]!.replace(/^["']|["']$/g, '');
  return env;
}

/** The OS_* variables of the noauth Cinder test bed (`testbed.sh env`). */
export function testbedEnv(): Record<string, string> {
  return testbedScriptEnv('testbed.sh');
}

/** The openrc of the Keystone test user plus UCINDER_KEYSTONE_* facts (`keystone.sh env`). */
export function keystoneEnv(): Record<string, string> {
  return testbedScriptEnv('keystone.sh');
}

/** OS_IMAGE_ENDPOINT of the test bed's Glance (`glance.sh env`: UCINDER_GLANCE_PORT decides the port). */
export function glanceEndpoint(): string {
  return testbedScriptEnv('glance.sh').OS_IMAGE_ENDPOINT!;
}
