import { BadResponseError } from '../http/errors.js';
import type { HttpClient } from '../http/http.js';
import { parseMicroversion, type VersionRange } from './microversion.js';

interface VersionEntry {
  id?: string;
  status?: string;
  version?: string;
  min_version?: string;
}

/**
 * Reads the server's microversion range from the unauthenticated `GET /` of
 * the endpoint root, which answers 300 Multiple Choices with
 * {"versions":[{"id":"v3.0","version":"3.70","min_version":"3.0",...}]}.
 */
export async function discoverVersionRange(http: HttpClient, root: string): Promise<VersionRange> {
  const response = await http.request<{ versions?: VersionEntry[] }>({
    method: 'GET',
    url: root,
    acceptStatuses: [300],
  });
  const range = rangeFromVersions(response.body?.versions);
  if (!range) {
    throw new BadResponseError(`${root} did not list a Block Storage v3 API (GET / answered HTTP ${response.status})`);
  }
  return range;
}

/** The v3 entry's range; an entry with no microversions at all means plain 3.0. */
export function rangeFromVersions(versions: VersionEntry[] | undefined): VersionRange | undefined {
  const v3 = versions?.find((entry) => entry.id?.startsWith('v3'));
  if (!v3) return undefined;
  const max = parseMicroversion(v3.version || '3.0');
  const min = parseMicroversion(v3.min_version || '3.0');
  if (!max || !min) return undefined;
  return { min, max };
}
