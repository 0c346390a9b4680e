import type { VolumeType } from '../../api/types.js';
import { dictColumn, listColumn } from '../../output/columns.js';
import { details, type Cell, type Details, type Value } from '../../output/result.js';

/**
 * Cinder's fields as the openstack client keys them: `extra_specs` dropped
 * (shown as `properties`), the `os-volume-type-access:is_public` duplicate of
 * `is_public` dropped, links dropped; --raw prints the type as Cinder
 * returned it.
 */
function typeFields(type: VolumeType): Record<string, Cell> {
  const { links: _links, extra_specs: _specs, 'os-volume-type-access:is_public': _access, ...rest } = type as VolumeType & { links?: unknown };
  return rest as Record<string, Value>;
}

/**
 * `volume type show`: `properties` (the extra specs) and `access_project_ids`
 * (the projects a private type is shared with; None for a public type).
 */
export function volumeTypeShowDetails(type: VolumeType, accessProjectIds: string[] | undefined): Details {
  const fields = {
    ...typeFields(type),
    properties: dictColumn(type.extra_specs),
    access_project_ids: accessProjectIds ? listColumn(accessProjectIds) : null,
  };
  return details(fields, type as Record<string, Value>);
}

/**
 * `volume type create`: as openstack prints it, `properties` only when
 * --property was given (openstack sets them in a second call and prints
 * only that call's answer), no access list.
 */
export function volumeTypeCreateDetails(type: VolumeType, withProperties: boolean): Details {
  const fields = typeFields(type);
  if (withProperties) fields.properties = dictColumn(type.extra_specs);
  return details(fields, type as Record<string, Value>);
}

export function isPublic(type: VolumeType): boolean {
  return type.is_public ?? type['os-volume-type-access:is_public'] ?? true;
}
