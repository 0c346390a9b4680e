import type { AuthPlugin } from '../api/auth-plugin.js';
import type { Factory } from './factory.js';
import { UsageError } from '../errors.js';

/** The auth plugin, when it talks to Keystone; token commands mean nothing for noauth/admin_token. */
export async function keystonePlugin(f: Factory, command: string): Promise<AuthPlugin> {
  const plugin = await f.authPlugin();
  if (!plugin.tokenDetails || !plugin.revokeToken) {
    throw new UsageError(`${command} needs Keystone auth (--os-auth-type password, v3applicationcredential or v3token, or --os-cloud); the auth type is ${plugin.authType}`);
  }
  return plugin;
}
