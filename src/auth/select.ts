import type { DebugLog, HttpClient } from '../http/http.js';
import { UsageError } from '../errors.js';
import { AdminTokenPlugin } from './admin-token.js';
import { DeferredAuthPlugin } from './deferred.js';
import { NoAuthPlugin } from './noauth.js';
import type { AuthPlugin } from '../api/auth-plugin.js';

export interface AuthSettings {
  authType?: string;
  endpoint?: string;
  token?: string;
  userId?: string;
  projectId?: string;
  // Keystone (the openstack client's OS_* names).
  authUrl?: string;
  username?: string;
  password?: string;
  projectName?: string;
  userDomainId?: string;
  userDomainName?: string;
  projectDomainId?: string;
  projectDomainName?: string;
  domainId?: string;
  domainName?: string;
  defaultDomainId?: string;
  defaultDomainName?: string;
  systemScope?: string;
  applicationCredentialId?: string;
  applicationCredentialName?: string;
  applicationCredentialSecret?: string;
  /** public, internal or admin (also publicURL...). */
  interface?: string;
  regionName?: string;
}

/** Keystone v3 auth types; their code is loaded only when one is used. */
const KEYSTONE_AUTH_TYPES = ['password', 'v3password', 'v3applicationcredential', 'v3token', 'token'] as const;
export const AUTH_TYPES = ['noauth', 'admin_token', 'token_endpoint', ...KEYSTONE_AUTH_TYPES] as const;

/** What Keystone plugins need from the factory: an HTTP client (lazily) and the token cache. */
export interface AuthContext {
  http: () => Promise<HttpClient>;
  /** The token cache directory, or undefined with --no-cache. */
  tokenCacheDir?: string;
  now?: () => number;
  debug?: DebugLog;
}

/** The auth type in effect: the given one, else password when an auth URL is set, else noauth. */
function effectiveAuthType(settings: AuthSettings): string {
  return settings.authType ?? (settings.authUrl ? 'password' : 'noauth');
}

/** Picks the auth plugin named by --os-auth-type / OS_AUTH_TYPE. */
export function selectAuthPlugin(settings: AuthSettings, context?: AuthContext): AuthPlugin {
  const authType = effectiveAuthType(settings);
  switch (authType) {
    case 'noauth':
      return new NoAuthPlugin(settings);
    case 'admin_token':
    case 'token_endpoint':
      return new AdminTokenPlugin(authType, settings);
    default:
      if ((KEYSTONE_AUTH_TYPES as readonly string[]).includes(authType)) {
        if (!context) throw new UsageError(`--os-auth-type ${authType} is not available here`);
        return new DeferredAuthPlugin(authType, async () => {
          const { KeystonePlugin } = await import('./keystone/keystone-plugin.js');
          return new KeystonePlugin(authType, settings, context);
        });
      }
      throw new UsageError(`unknown --os-auth-type '${authType}': supported types are ${AUTH_TYPES.join(', ')}`);
  }
}
