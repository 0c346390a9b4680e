import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MockAgent } from 'undici';
import { onTestFinished } from 'vitest';
import { ENDPOINT_ROOT, newAgent, run, tempDir, type RunResult } from '../helpers/harness.js';

export const KEYSTONE = 'http://keystone.test:5000';
export const CINDER = ENDPOINT_ROOT;
export const PROJECT_ID = 'aaaabbbbccccddddeeeeffff00001111';
export const USER_ID = 'u1u1u1u1';
export const TOKEN = 'gAAAA-token-1';

/** The Keystone tests' clock: runWithCache injects it, and tokens expire relative to it. */
export const NOW = Date.parse('2030-01-01T00:00:00.000Z');

export function hoursFromNow(hours: number): string {
  return new Date(NOW + hours * 3600_000).toISOString().replace('Z', '000Z');
}

export function catalog(blockStorageUrl = `${CINDER}/v3/%(project_id)s`, type = 'block-storage') {
  return [
    { type: 'identity', name: 'keystone', endpoints: [{ interface: 'public', region_id: 'RegionOne', url: `${KEYSTONE}/v3` }] },
    {
      type,
      name: 'cinderv3',
      endpoints: [
        { interface: 'public', region_id: 'RegionOne', url: blockStorageUrl.replace('%(project_id)s', PROJECT_ID) },
        { interface: 'internal', region_id: 'RegionOne', url: `${CINDER}/v3` },
      ],
    },
  ];
}

export function tokenBody(overrides: Record<string, unknown> = {}) {
  return {
    token: {
      methods: ['password'],
      expires_at: hoursFromNow(1),
      issued_at: new Date(NOW).toISOString(),
      user: { id: USER_ID, name: 'demo', domain: { id: 'default', name: 'Default' } },
      project: { id: PROJECT_ID, name: 'demo', domain: { id: 'default', name: 'Default' } },
      catalog: catalog(),
      ...overrides,
    },
  };
}

export const PASSWORD_ENV = {
  OS_AUTH_URL: `${KEYSTONE}/v3`,
  OS_USERNAME: 'demo',
  OS_PASSWORD: 's3cret-pw',
  OS_PROJECT_NAME: 'demo',
  OS_USER_DOMAIN_NAME: 'Default',
  OS_PROJECT_DOMAIN_NAME: 'Default',
};

/**
 * The harness's mock with Keystone beside Cinder, for the calling test only:
 * when the test ends, every stub it registered must have been used.
 */
export function mockCloud() {
  const { agent, pool } = newAgent();
  onTestFinished(() => agent.assertNoPendingInterceptors());
  return { agent, keystone: agent.get(KEYSTONE), cinder: pool };
}

export function privateHome(): Record<string, string> {
  const home = tempDir('unit-ks');
  return { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config') };
}

/**
 * Runs ucinder at NOW with the token cache enabled and only `env` (no
 * noauth defaults); several commands share one MockAgent.
 */
export function runWithCache(argv: string[], agent: MockAgent, env: Record<string, string | undefined>): Promise<RunResult> {
  return run(argv, agent, {
    cache: true,
    now: () => NOW,
    env: { OS_ENDPOINT: undefined, OS_PROJECT_ID: undefined, HOME: undefined, ...env },
  });
}

/** The token cache files under privateHome()'s XDG_CACHE_HOME. */
export function tokenFiles(env: Record<string, string>): string[] {
  const dir = join(env.XDG_CACHE_HOME!, 'ucinder', 'tokens');
  try {
    return readdirSync(dir).map((name) => join(dir, name));
  } catch {
    return [];
  }
}
