import type { CinderSession } from '../session.js';

/** The microversion that added GET /resource_filters (and generic list filtering). */
export const RESOURCE_FILTERS_MIN_VERSION = '3.33';

/** Which query filters the server accepts on one resource's listing (resource_filters.json). */
export interface ResourceFilter {
  resource: string;
  filters: string[];
}

/** Every resource's filters, or one resource's (an unknown resource gives an empty list). */
export async function listResourceFilters(session: CinderSession, resource?: string): Promise<ResourceFilter[]> {
  return (await session.get('/resource_filters', { resource })).list<ResourceFilter>('resource_filters');
}
