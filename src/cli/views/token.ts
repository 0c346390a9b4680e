import type { TokenDetails } from '../../api/auth-plugin.js';
import { details, type Details, type Value } from '../../output/result.js';

/**
 * `token issue` as the openstack client prints it: only the fields the token
 * has (id, expires, project_id or domain_id, user_id, and system for a
 * system-scoped token), `expires` in its format.
 */
export function tokenDetails(token: TokenDetails): Details {
  const fields: Record<string, Value> = { id: token.id, expires: pythonExpires(token.expires) };
  if (token.projectId) fields.project_id = token.projectId;
  if (token.userId) fields.user_id = token.userId;
  if (token.domainId) fields.domain_id = token.domainId;
  if (token.system) fields.system = token.system;
  return details(fields);
}

const ISO_8601 = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Keystone's expires_at ("2026-11-28T16:58:32.000000Z") as the openstack
 * client prints it: keystoneauth parses it (a time without an offset is UTC)
 * and OSC formats it with strftime('%Y-%m-%dT%H:%M:%S%z'), so the fraction
 * goes and the offset reads +0000. Anything else is shown as Keystone sent it.
 */
export function pythonExpires(text: string): string {
  const match = ISO_8601.exec(text);
  if (!match) return text;
  const [, date, time, offset] = match;
  const zone = !offset || offset.toUpperCase() === 'Z' ? '+0000' : offset.replace(':', '');
  return `${date}T${time}${zone}`;
}
