import type { VolumeType } from '../../api/types.js';
import { details, type Details, type Value } from '../../output/result.js';

/** Cinder's fields; the access flag under its short name as well for scripts. */
export function volumeTypeDetails(type: VolumeType, accessProjectIds?: string[]): Details {
  const fields: Record<string, Value> = {};
  for (const [name, value] of Object.entries(type)) {
    if (name !== 'links') fields[name] = value as Value;
  }
  fields.is_public ??= type['os-volume-type-access:is_public'] ?? null;
  fields.extra_specs ??= {};
  if (accessProjectIds) fields.access_project_ids = accessProjectIds;
  return details(fields);
}

export function isPublic(type: VolumeType): boolean {
  return type.is_public ?? type['os-volume-type-access:is_public'] ?? true;
}
