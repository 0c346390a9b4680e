import type { QosAssociation, QosSpec } from '../../api/resources/qos-specs.js';
import { dictColumn, listColumn } from '../../output/columns.js';
import { details, type Cell, type Details, type Value } from '../../output/result.js';

/**
 * `volume qos show/create` as the openstack client prints them: Cinder's
 * fields with `specs` as `properties`, and `associations` (the names of the
 * types) only when there are some; --raw prints the specification as Cinder
 * returned it.
 */
export function qosSpecDetails(spec: QosSpec, associations: QosAssociation[] = []): Details {
  const { specs, ...rest } = spec;
  const fields: Record<string, Cell> = { ...(rest as Record<string, Value>), properties: dictColumn(specs) };
  if (associations.length) fields.associations = listColumn(associations.map((association) => association.name));
  return details(fields, spec as Record<string, Value>);
}
