import type { QuotaSet, QuotaSetUsage } from '../../api/resources/quotas.js';
import { details, type Details, type Value } from '../../output/result.js';

/**
 * The volume quota names the openstack client prints differently from
 * Cinder (its VOLUME_QUOTAS map: the option names of `quota set`). Per-type
 * keys (volumes_<type>, …) keep Cinder's names.
 */
const OSC_NAMES: Record<string, string> = {
  backup_gigabytes: 'backup-gigabytes',
  per_volume_gigabytes: 'per-volume-gigabytes',
};

function quotaName(cinderName: string): string {
  return OSC_NAMES[cinderName] ?? cinderName;
}

/**
 * `quota show` as the openstack client prints it (one record): Cinder's
 * quota set with the names above, `id` as `project`, plus `project_name`
 * (None when unknown, as OSC prints it without an identity service); --raw
 * prints the quota set as Cinder returned it.
 */
export function quotaDetails(set: QuotaSet, projectName: string | undefined): Details {
  const fields = renamedQuotas(set);
  if ('id' in fields) {
    fields.project = fields.id;
    delete fields.id;
    delete fields.project_id;
    fields.project_name = projectName ?? null;
  }
  return details(fields, set as Record<string, Value>);
}

/** `quota show --usage` rows: Resource, Limit, In Use, Reserved (newer openstack clients' columns). */
export function quotaUsageRows(usage: QuotaSetUsage): Value[][] {
  return Object.entries(usage).map(([name, entry]) => [quotaName(name), entry.limit, entry.in_use, entry.reserved]);
}

/**
 * `quota show --class NAME`: the class's quotas under the same names as a
 * project's, and `class` (the class name Cinder returns as `id`) where a
 * project's record has `project`.
 */
export function quotaClassDetails(set: QuotaSet): Details {
  const { id, ...fields } = renamedQuotas(set);
  return details({ ...fields, class: id }, set as Record<string, Value>);
}

function renamedQuotas(set: QuotaSet): Record<string, Value> {
  const fields: Record<string, Value> = {};
  for (const [name, value] of Object.entries(set)) {
    // OSC renames only the quotas that have a value.
    fields[value === null || value === undefined ? name : quotaName(name)] = value as Value;
  }
  return fields;
}
