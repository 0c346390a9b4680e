import { UsageError } from '../errors.js';
import { normalizeEndpoint } from './endpoint.js';
import type { AuthPlugin, AuthResult } from '../api/auth-plugin.js';

interface AdminTokenSettings {
  endpoint?: string;
  token?: string;
  projectId?: string;
}

/**
 * `admin_token` (alias `token_endpoint`, as in the openstack client): a ready
 * token and an endpoint, no Keystone round trip.
 */
export class AdminTokenPlugin implements AuthPlugin {
  constructor(
    readonly authType: string,
    private readonly settings: AdminTokenSettings,
  ) {}

  async authenticate(): Promise<AuthResult> {
    const { endpoint, token, projectId } = this.settings;
    if (!token) {
      throw new UsageError(`--os-auth-type ${this.authType} needs a token: set --os-token or OS_TOKEN`);
    }
    if (!endpoint) {
      throw new UsageError(`--os-auth-type ${this.authType} needs an endpoint: set --os-endpoint or OS_ENDPOINT`);
    }
    const normalized = normalizeEndpoint(endpoint, projectId);
    return { token, endpoint: normalized.url, projectId: normalized.projectId };
  }

  async invalidate(): Promise<boolean> {
    return false;
  }
}
