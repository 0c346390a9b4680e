import type { TypeEncryption } from '../../api/resources/volume-type-encryption.js';
import type { VolumeType } from '../../api/resources/volume-types.js';
import { dictColumn, formatDict, formatted, listColumn } from '../../output/columns.js';
import { details, type Cell, type Details, type Formatted, type Value } from '../../output/result.js';

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
export function volumeTypeShowDetails(type: VolumeType, accessProjectIds: string[] | undefined, encryption?: TypeEncryption): Details {
  const fields: Record<string, Cell> = {
    ...typeFields(type),
    properties: dictColumn(type.extra_specs),
    access_project_ids: accessProjectIds ? listColumn(accessProjectIds) : null,
  };
  // --encryption-type: Cinder's record ({} for none) less the type's own ID.
  if (encryption) fields.encryption = encryptionColumn(encryption, ['volume_type_id']);
  return details(fields, type as Record<string, Value>);
}

/**
 * `volume type create`: as openstack prints it, `properties` only when
 * --property was given (openstack sets them in a second call and prints
 * only that call's answer), no access list.
 */
export function volumeTypeCreateDetails(type: VolumeType, withProperties: boolean, encryption?: TypeEncryption): Details {
  const fields = typeFields(type);
  if (withProperties) fields.properties = dictColumn(type.extra_specs);
  if (encryption) fields.encryption = encryptionColumn(encryption, ['volume_type_id']);
  return details(fields, type as Record<string, Value>);
}

/** Bookkeeping fields openstack drops from the Encryption column of `volume type list --encryption-type`. */
const LIST_DROPPED = ['deleted', 'created_at', 'updated_at', 'deleted_at', 'volume_type_id'];

/**
 * The Encryption column of `volume type list --encryption-type`: the
 * encryption's fields ('-' in a table, None in data for a type without).
 */
export function encryptionListCell(encryption: TypeEncryption | undefined): Formatted {
  if (!encryption || !Object.keys(encryption).length) return formatted('-', null);
  const kept = withoutKeys(encryption, LIST_DROPPED);
  return formatted(formatDict(kept), kept);
}

function encryptionColumn(encryption: TypeEncryption, dropped: string[]): Formatted {
  return dictColumn(withoutKeys(encryption, dropped));
}

/** A copy in Cinder's order, less `dropped`. */
function withoutKeys(record: TypeEncryption, dropped: string[]): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !dropped.includes(key)));
}

export function isPublic(type: VolumeType): boolean {
  return type.is_public ?? type['os-volume-type-access:is_public'] ?? true;
}
