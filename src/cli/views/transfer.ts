import type { Transfer } from '../../api/resources/transfers.js';
import { details, type Details, type Value } from '../../output/result.js';

/**
 * `volume transfer request create/show/accept` as the openstack client
 * prints them: Cinder's fields, sorted, without the links.
 */
export function transferDetails(transfer: Transfer): Details {
  const { links: _links, ...fields } = transfer;
  return details(fields as Record<string, Value>, transfer as Record<string, Value>);
}
