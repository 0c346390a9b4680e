import type { AuthSettings } from '../auth/select.js';
import { UsageError } from '../errors.js';
import type { Env } from '../state/paths.js';

/** The global option values as Commander parsed them (camelCase names). */
export interface GlobalOptionValues {
  osAuthType?: string;
  osEndpoint?: string;
  osToken?: string;
  osUserId?: string;
  osProjectId?: string;
  osVolumeApiVersion?: string;
  osCacert?: string;
  insecure?: boolean;
  timeout?: string;
  debug?: boolean;
  cache?: boolean;
}

export interface Settings {
  auth: AuthSettings;
  volumeApiVersion?: string;
  cacertFile?: string;
  insecure: boolean;
  timeoutMs: number;
  debug: boolean;
  useCache: boolean;
}

export const DEFAULT_TIMEOUT_SECONDS = 60;

/**
 * Flags win over environment variables (the openstack client's OS_* names),
 * which win over defaults. Empty variables count as unset, as in OSC.
 */
export function resolveSettings(options: GlobalOptionValues, env: Env): Settings {
  const pick = (flag: string | undefined, ...names: string[]) => {
    if (flag !== undefined && flag !== '') return flag;
    for (const name of names) if (env[name]) return env[name];
    return undefined;
  };
  const timeoutText = pick(options.timeout, 'UCINDER_TIMEOUT');
  return {
    auth: {
      authType: pick(options.osAuthType, 'OS_AUTH_TYPE'),
      endpoint: pick(options.osEndpoint, 'OS_ENDPOINT', 'OS_URL'),
      token: pick(options.osToken, 'OS_TOKEN'),
      userId: pick(options.osUserId, 'OS_USER_ID'),
      projectId: pick(options.osProjectId, 'OS_PROJECT_ID', 'OS_TENANT_ID'),
    },
    volumeApiVersion: pick(options.osVolumeApiVersion, 'OS_VOLUME_API_VERSION'),
    cacertFile: pick(options.osCacert, 'OS_CACERT'),
    insecure: options.insecure === true || isTrue(env.OS_INSECURE),
    timeoutMs: parseTimeout(timeoutText),
    debug: options.debug === true || isTrue(env.UCINDER_DEBUG),
    useCache: options.cache !== false && !isTrue(env.UCINDER_NO_CACHE),
  };
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value);
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`invalid --timeout '${text}': expected a positive number of seconds`);
  }
  return Math.round(seconds * 1000);
}
