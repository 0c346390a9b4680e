import { BadResponseError } from '../http/errors.js';
import type { HttpClient } from '../http/http.js';
import { Envelope } from './envelope.js';
import { parseMicroversion, type VersionRange } from './microversion.js';

/** One entry of the root's version list. */
export interface VersionEntry {
  id?: string;
  status?: string;
  version?: string;
  min_version?: string;
  links?: { rel?: string; href?: string }[];
}

/**
 * Reads the server's microversion range from the unauthenticated `GET /` of
 * the endpoint root, which answers 300 Multiple Choices with
 * {"versions":[{"id":"v3.0","version":"3.70","min_version":"3.0",...}]}.
 */
export async function discoverVersionRange(http: HttpClient, root: string): Promise<VersionRange> {
  const { versions, status } = await fetchVersions(http, root);
  const range = rangeFromVersions(versions);
  if (!range) {
    throw new BadResponseError(`${root} did not list a Block Storage v3 API (GET / answered HTTP ${status})`);
  }
  return range;
}

/** Every API version the root lists (`versions show`). */
export async function listApiVersions(http: HttpClient, root: string): Promise<VersionEntry[]> {
  const { versions, status } = await fetchVersions(http, root);
  if (!versions) throw new BadResponseError(`${root} did not list API versions (GET / answered HTTP ${status})`);
  return versions;
}

async function fetchVersions(http: HttpClient, root: string): Promise<{ versions?: VersionEntry[]; status: number }> {
  const response = await http.request({ method: 'GET', url: root, acceptStatuses: [300] });
  // No list at all is told apart by the callers (not a Cinder root); a list that is not one is an error here.
  return { versions: Envelope.of(response.body, 'GET', root).optionalList<VersionEntry>('versions'), status: response.status };
}

/** The v3 entry's range; an entry with no microversions at all means plain 3.0. */
export function rangeFromVersions(versions: VersionEntry[] | undefined): VersionRange | undefined {
  const v3 = versions?.find((entry) => typeof entry.id === 'string' && entry.id.startsWith('v3'));
  if (!v3) return undefined;
  const max = parseMicroversion(String(v3.version || '3.0'));
  const min = parseMicroversion(String(v3.min_version || '3.0'));
  if (!max || !min) return undefined;
  return { min, max };
}
