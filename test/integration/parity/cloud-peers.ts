import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateHome as isolatedHome, ROOT } from '../../support/ucinder-process.js';
import { glanceEndpoint, testbedEnv, testbedScriptEnv } from '../../support/testbed.js';
import type { Peers } from './side-by-side.js';

/**
 * Peers for the commands the noauth test bed cannot show openstack: those
 * that need Keystone (token issue, quota show) or Glance (image list).
 * openstack reads these settings from a clouds.yaml, the only place it takes
 * per-service endpoint overrides.
 */

/** A private HOME whose clouds.yaml holds one cloud, `parity`. */
function openstackHomeWith(cloud: Record<string, unknown>): string {
  const home = mkdtempSync(join(tmpdir(), 'ucinder-osc-'));
  mkdirSync(join(home, '.config/openstack'), { recursive: true });
  // JSON is YAML.
  writeFileSync(join(home, '.config/openstack/clouds.yaml'), JSON.stringify({ clouds: { parity: cloud } }));
  return home;
}

/** Starts the Keystone part of the test bed (test/testbed/keystone.sh) unless it runs. */
export function startKeystone(): void {
  execFileSync('bash', [join(ROOT, 'test/testbed/keystone.sh'), 'up'], { stdio: 'inherit', timeout: 900_000 });
}

/** Starts Glance (test/testbed/glance.sh) unless it runs; returns the test image's ID. */
export function startGlance(): string {
  const out = execFileSync('bash', [join(ROOT, 'test/testbed/glance.sh'), 'up'], { encoding: 'utf8', timeout: 600_000 });
  return out.trim().split('\n').pop()!;
}

/**
 * Both as the test bed's Keystone user (keystone.sh env) against the
 * Keystone-guarded cinder-api. openstack's `quota show` and `limits show`
 * build a compute client first and fail without a compute endpoint; the
 * override (nothing listens there) lets them run, and `quota show` then skips
 * compute as on a cloud without Nova. `limits show` still calls it: it cannot
 * run here. `systemAdmin`: Keystone's bootstrap admin with a system-scoped
 * token instead of the project user.
 */
export function keystonePeers(options: { systemAdmin?: boolean } = {}): Peers {
  const ks = testbedScriptEnv('keystone.sh');
  const openrc = Object.fromEntries(Object.entries(ks).filter(([key]) => key.startsWith('OS_')));
  const { OS_PROJECT_NAME: _project, OS_PROJECT_DOMAIN_NAME: _projectDomain, ...unscoped } = openrc;
  const ucinderEnv = options.systemAdmin ? { ...unscoped, OS_USERNAME: 'admin', OS_PASSWORD: ks.UCINDER_KEYSTONE_ADMIN_PASSWORD, OS_SYSTEM_SCOPE: 'all' } : openrc;
  const scope = options.systemAdmin
    ? { username: 'admin', password: ks.UCINDER_KEYSTONE_ADMIN_PASSWORD, system_scope: 'all' }
    : { username: ks.OS_USERNAME, password: ks.OS_PASSWORD, project_name: ks.OS_PROJECT_NAME, project_domain_name: ks.OS_PROJECT_DOMAIN_NAME };
  return {
    ucinderEnv: { ...ucinderEnv, ...isolatedHome() },
    openstackArgs: ['--os-cloud', 'parity'],
    openstackHome: openstackHomeWith({
      auth_type: 'password',
      auth: { auth_url: ks.OS_AUTH_URL, user_domain_name: ks.OS_USER_DOMAIN_NAME, ...scope },
      region_name: ks.OS_REGION_NAME,
      interface: ks.OS_INTERFACE,
      identity_api_version: 3,
      compute_endpoint_override: 'http://127.0.0.1:9/compute',
    }),
  };
}

/** Both on the noauth Cinder with the test bed's unauthenticated Glance as the image service. */
export function glancePeers(): Peers {
  const env = testbedEnv();
  const glance = glanceEndpoint();
  return {
    ucinderEnv: { ...env, ...isolatedHome(), OS_IMAGE_ENDPOINT: glance },
    openstackArgs: ['--os-cloud', 'parity'],
    openstackHome: openstackHomeWith({
      auth_type: 'admin_token',
      auth: { endpoint: `${env.OS_ENDPOINT}/v3/${env.OS_PROJECT_ID}`, token: `admin:${env.OS_PROJECT_ID}` },
      image_endpoint_override: glance,
    }),
  };
}
