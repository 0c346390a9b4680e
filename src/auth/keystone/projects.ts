import { looksLikeProjectId } from '../../api/uuid.js';
import { AmbiguousNameError, NotFoundError, UcinderError } from '../../errors.js';
import { ApiError } from '../../http/errors.js';
import type { HttpClient } from '../../http/http.js';

export interface Identity {
  /** Keystone's v3 URL. */
  url: string;
  token: string;
}

interface Project {
  id: string;
  name?: string;
}

/**
 * A project's ID from its name or ID, as the openstack client finds it
 * (identity_common.find_project): by ID first, then by exact name; no match
 * and several matches (same name in several domains) are errors. A user
 * Keystone does not let look projects up (403) may still pass an ID, used
 * as given (as the openstack client does); a name cannot be resolved then.
 */
export async function findProjectId(http: HttpClient, identity: Identity, nameOrId: string): Promise<string> {
  const headers = { 'X-Auth-Token': identity.token };
  try {
    try {
      const found = await http.request<{ project: Project }>({ method: 'GET', url: `${identity.url}/projects/${encodeURIComponent(nameOrId)}`, headers });
      return found.body.project.id;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    const named = await http.request<{ projects: Project[] }>({ method: 'GET', url: `${identity.url}/projects`, query: { name: nameOrId }, headers });
    const matches = named.body.projects.filter((project) => project.name === nameOrId);
    if (matches.length === 0) throw new NotFoundError('project', nameOrId);
    if (matches.length > 1) throw new AmbiguousNameError('project', nameOrId, matches.map((project) => project.id));
    return matches[0]!.id;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403)) throw error;
    if (looksLikeProjectId(nameOrId)) return nameOrId;
    throw new UcinderError(`Keystone does not let this user look project '${nameOrId}' up (${error.serverMessage}, HTTP 403): pass the project's ID`);
  }
}
