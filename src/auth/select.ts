import { UsageError } from '../errors.js';
import { AdminTokenPlugin } from './admin-token.js';
import { NoAuthPlugin } from './noauth.js';
import type { AuthPlugin } from './plugin.js';

export interface AuthSettings {
  authType?: string;
  endpoint?: string;
  token?: string;
  userId?: string;
  projectId?: string;
}

export const AUTH_TYPES = ['noauth', 'admin_token', 'token_endpoint'] as const;

/** Picks the auth plugin named by --os-auth-type / OS_AUTH_TYPE (default noauth). */
export function selectAuthPlugin(settings: AuthSettings): AuthPlugin {
  const authType = settings.authType ?? 'noauth';
  switch (authType) {
    case 'noauth':
      return new NoAuthPlugin(settings);
    case 'admin_token':
    case 'token_endpoint':
      return new AdminTokenPlugin(authType, settings);
    default:
      throw new UsageError(
        `unknown --os-auth-type '${authType}': supported types are ${AUTH_TYPES.join(', ')}`,
      );
  }
}
