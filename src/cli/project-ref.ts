import type { IdentityKind } from '../api/auth-plugin.js';
import { looksLikeProjectId } from '../api/uuid.js';
import { UsageError } from '../errors.js';
import type { Factory } from './factory.js';

/**
 * A --project argument (name or ID, as the openstack client takes it) as
 * the project ID Cinder needs. Under Keystone a name is looked up; without
 * Keystone (noauth, admin_token) there is nothing to look names up in, so a
 * name is refused here, before the command changes anything.
 */
export function resolveProjectId(f: Factory, nameOrId: string, flag = '--project'): Promise<string> {
  return resolveIdentityId(f, 'project', nameOrId, flag);
}

/** A --user argument (name or ID) as the user ID Cinder filters on; the same rules as --project. */
export function resolveUserId(f: Factory, nameOrId: string, flag = '--user'): Promise<string> {
  return resolveIdentityId(f, 'user', nameOrId, flag);
}

async function resolveIdentityId(f: Factory, kind: IdentityKind, nameOrId: string, flag: string): Promise<string> {
  const plugin = await f.authPlugin();
  if (plugin.findIdentityId) return plugin.findIdentityId(kind, nameOrId);
  // Keystone's IDs (projects and users alike) are 32 hex digits.
  if (looksLikeProjectId(nameOrId)) return nameOrId;
  throw new UsageError(
    `${flag} '${nameOrId}' is not a ${kind} ID, and with --os-auth-type ${plugin.authType} there is no Keystone to look ${kind} names up in: pass the ${kind}'s ID`,
  );
}
