import type { CinderSession } from '../session.js';
import type { QuotaChanges, QuotaSet } from './quotas.js';

/**
 * Quota classes: named sets of defaults. Cinder uses only the class
 * `default` (what a project without its own quotas gets); its `id` is the
 * class name.
 */
export async function getQuotaClass(session: CinderSession, className: string): Promise<QuotaSet> {
  const body = await session.get<{ quota_class_set: QuotaSet }>(`/os-quota-class-sets/${encodeURIComponent(className)}`);
  return body.quota_class_set;
}

export async function updateQuotaClass(session: CinderSession, className: string, changes: QuotaChanges): Promise<QuotaSet> {
  const body = await session.put<{ quota_class_set: QuotaSet }>(`/os-quota-class-sets/${encodeURIComponent(className)}`, { quota_class_set: changes });
  return body.quota_class_set;
}
