import type { AuthSettings } from '../auth/select.js';
import { UsageError } from '../errors.js';
import type { Env } from '../env.js';

/** The global option values as Commander parsed them (camelCase names). */
export interface GlobalOptionValues {
  osAuthType?: string;
  osEndpoint?: string;
  osToken?: string;
  osUserId?: string;
  osProjectId?: string;
  osCloud?: string;
  osAuthUrl?: string;
  osUsername?: string;
  osPassword?: string;
  osProjectName?: string;
  osUserDomainName?: string;
  osUserDomainId?: string;
  osProjectDomainName?: string;
  osProjectDomainId?: string;
  osDomainName?: string;
  osDomainId?: string;
  osDefaultDomainId?: string;
  osDefaultDomainName?: string;
  osSystemScope?: string;
  osApplicationCredentialId?: string;
  osApplicationCredentialName?: string;
  osApplicationCredentialSecret?: string;
  osInterface?: string;
  osRegionName?: string;
  osVolumeApiVersion?: string;
  osImageEndpoint?: string;
  osCacert?: string;
  insecure?: boolean;
  timeout?: string;
  debug?: boolean;
  cache?: boolean;
}

export interface Settings {
  auth: AuthSettings;
  /** --os-cloud / OS_CLOUD: fills what flags and variables leave unset (see auth/clouds). */
  cloud?: string;
  volumeApiVersion?: string;
  /** Glance (image service) root, e.g. http://controller:9292; otherwise from the catalog. */
  imageEndpoint?: string;
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
      authUrl: pick(options.osAuthUrl, 'OS_AUTH_URL'),
      username: pick(options.osUsername, 'OS_USERNAME'),
      password: pick(options.osPassword, 'OS_PASSWORD'),
      projectName: pick(options.osProjectName, 'OS_PROJECT_NAME', 'OS_TENANT_NAME'),
      userDomainName: pick(options.osUserDomainName, 'OS_USER_DOMAIN_NAME'),
      userDomainId: pick(options.osUserDomainId, 'OS_USER_DOMAIN_ID'),
      projectDomainName: pick(options.osProjectDomainName, 'OS_PROJECT_DOMAIN_NAME'),
      projectDomainId: pick(options.osProjectDomainId, 'OS_PROJECT_DOMAIN_ID'),
      domainName: pick(options.osDomainName, 'OS_DOMAIN_NAME'),
      domainId: pick(options.osDomainId, 'OS_DOMAIN_ID'),
      defaultDomainId: pick(options.osDefaultDomainId, 'OS_DEFAULT_DOMAIN_ID', 'OS_DEFAULT_DOMAIN'),
      defaultDomainName: pick(options.osDefaultDomainName, 'OS_DEFAULT_DOMAIN_NAME'),
      systemScope: pick(options.osSystemScope, 'OS_SYSTEM_SCOPE'),
      applicationCredentialId: pick(options.osApplicationCredentialId, 'OS_APPLICATION_CREDENTIAL_ID'),
      applicationCredentialName: pick(options.osApplicationCredentialName, 'OS_APPLICATION_CREDENTIAL_NAME'),
      applicationCredentialSecret: pick(options.osApplicationCredentialSecret, 'OS_APPLICATION_CREDENTIAL_SECRET'),
      interface: pick(options.osInterface, 'OS_INTERFACE', 'OS_ENDPOINT_TYPE'),
      regionName: pick(options.osRegionName, 'OS_REGION_NAME'),
    },
    cloud: pick(options.osCloud, 'OS_CLOUD'),
    volumeApiVersion: pick(options.osVolumeApiVersion, 'OS_VOLUME_API_VERSION'),
    imageEndpoint: pick(options.osImageEndpoint, 'OS_IMAGE_ENDPOINT'),
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
