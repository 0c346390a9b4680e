import type { IdentityKind } from '../../api/auth-plugin.js';
import { Envelope } from '../../api/envelope.js';
import { looksLikeProjectId } from '../../api/uuid.js';
import { AmbiguousNameError, NotFoundError, UcinderError } from '../../errors.js';
import { ApiError } from '../../http/errors.js';
import type { HttpClient } from '../../http/http.js';

export interface Identity {
  /** Keystone's v3 URL. */
  url: string;
  token: string;
}

interface Named {
  id: string;
  name?: string;
}

/**
 * A project's or user's ID from its name or ID, as the openstack client finds
 * them (identity_common.find_project / find_user): by ID first, then by exact
 * name; no match and several matches (same name in several domains) are
 * errors. A user Keystone does not let look them up (403) may still pass an
 * ID, used as given (as the openstack client does); a name cannot be
 * resolved then.
 */
export async function findIdentityId(http: HttpClient, identity: Identity, kind: IdentityKind, nameOrId: string): Promise<string> {
  const headers = { 'X-Auth-Token': identity.token };
  const collection = `${kind}s`;
  try {
    try {
      const url = `${identity.url}/${collection}/${encodeURIComponent(nameOrId)}`;
      const found = await http.request({ method: 'GET', url, headers });
      return Envelope.of(found.body, 'GET', url).inner(kind).string('id');
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    const url = `${identity.url}/${collection}`;
    const named = await http.request({ method: 'GET', url, query: { name: nameOrId }, headers });
    const matches = Envelope.of(named.body, 'GET', url)
      .list<Named>(collection)
      .filter((item) => item.name === nameOrId);
    if (matches.length === 0) throw new NotFoundError(kind, nameOrId);
    if (matches.length > 1)
      throw new AmbiguousNameError(
        kind,
        nameOrId,
        matches.map((item) => item.id),
      );
    return matches[0]!.id;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403)) throw error;
    if (looksLikeProjectId(nameOrId)) return nameOrId;
    throw new UcinderError(`Keystone does not let this user look ${kind} '${nameOrId}' up (${error.serverMessage}, HTTP 403): pass the ${kind}'s ID`);
  }
}

/** Every project's ID Keystone lists to this token (an admin sees them all). */
export async function listProjectIds(http: HttpClient, identity: Identity): Promise<string[]> {
  const url = `${identity.url}/projects`;
  const listed = await http.request({ method: 'GET', url, headers: { 'X-Auth-Token': identity.token } });
  return Envelope.of(listed.body, 'GET', url)
    .items('projects')
    .map((project) => project.string('id'));
}
