import { listResourceFilters } from '../api/resources/resource-filters.js';
import type { CinderSession } from '../api/session.js';
import { UsageError } from '../errors.js';

/**
 * `volume list --filter key=value`: the checks that keep a resource filter
 * from listing more than it says, before the listing is asked for.
 */

/**
 * Query keys a dedicated flag sets (or that page the listing): a --filter
 * naming one would be overwritten silently, so it is refused instead.
 */
const FILTER_KEYS_OWNED_BY_FLAGS: Readonly<Record<string, string>> = {
  name: '--name',
  status: '--status',
  project_id: '--project',
  user_id: '--user',
  all_tenants: '--all-projects',
  metadata: '--property',
  bootable: '--bootable/--non-bootable',
  marker: '--marker',
  limit: '--limit',
  offset: '--marker',
  sort: '--sort-column',
  sort_key: '--sort-column',
  sort_dir: '--sort-column',
};

/** Before any request: a key that one of volume list's flags owns. */
export function checkFilterKeys(filter: Record<string, string> | undefined): void {
  for (const key of Object.keys(filter ?? {})) {
    const flag = FILTER_KEYS_OWNED_BY_FLAGS[key];
    if (flag) throw new UsageError(`--filter ${key}=… is not a resource filter here: use ${flag}`);
  }
}

/**
 * Cinder silently drops a filter it does not know when an admin asks
 * (api_utils.remove_invalid_filter_options), so a typo would list every
 * volume: a script deleting what it lists must never see that. One GET of
 * the server's own list catches it first. `key~` (inexact, 3.34+) is
 * accepted wherever `key` is.
 */
export async function checkServerFilters(session: CinderSession, filter: Record<string, string>): Promise<void> {
  const [volume] = await listResourceFilters(session, 'volume');
  const known = new Set(volume?.filters ?? []);
  const unknown = Object.keys(filter).filter((key) => !known.has(key) && !known.has(key.replace(/~$/, '')));
  if (unknown.length > 0) {
    throw new UsageError(`--filter ${unknown.join(', ')}: not a volume filter this server enables (it enables: ${[...known].join(', ') || 'none'})`);
  }
}
