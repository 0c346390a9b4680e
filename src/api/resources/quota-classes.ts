import type { CinderSession } from '../session.js';
import type { QuotaChanges, QuotaSet } from './quotas.js';

/**
 * Quota classes: named sets of defaults. Cinder uses only the class
 * `default` (what a project without its own quotas gets); its `id` is the
 * class name.
 */
export async function getQuotaClass(session: CinderSession, className: string): Promise<QuotaSet> {
  return (await session.get(`/os-quota-class-sets/${encodeURIComponent(className)}`)).object<QuotaSet>('quota_class_set');
}

export async function updateQuotaClass(session: CinderSession, className: string, changes: QuotaChanges): Promise<QuotaSet> {
  const path = `/os-quota-class-sets/${encodeURIComponent(className)}`;
  return (await session.put(path, { quota_class_set: changes })).object<QuotaSet>('quota_class_set');
}
