import { looksLikeProjectId } from '../api/uuid.js';
import { UsageError } from '../errors.js';
import type { Factory } from './factory.js';

/**
 * A --project argument (name or ID, as the openstack client takes it) as
 * the project ID Cinder needs. Under Keystone a name is looked up; without
 * Keystone (noauth, admin_token) there is nothing to look names up in, so a
 * name is refused here, before the command changes anything.
 */
export async function resolveProjectId(f: Factory, nameOrId: string, flag = '--project'): Promise<string> {
  const plugin = await f.authPlugin();
  if (plugin.findProjectId) return plugin.findProjectId(nameOrId);
  if (looksLikeProjectId(nameOrId)) return nameOrId;
  throw new UsageError(
    `${flag} '${nameOrId}' is not a project ID, and with --os-auth-type ${plugin.authType} there is no Keystone to look project names up in: pass the project's ID`,
  );
}
