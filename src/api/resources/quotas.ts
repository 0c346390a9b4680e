import type { CinderSession } from '../session.js';

export interface QuotaUsage {
  limit: number;
  in_use: number;
  reserved: number;
  /** Present on some releases. */
  allocated?: number;
}

/**
 * One project's quotas: volumes, snapshots, gigabytes, backups,
 * backup_gigabytes, per_volume_gigabytes, groups and per-type keys such as
 * volumes_<type>. -1 means unlimited.
 */
export type QuotaSet = Record<string, number>;
export type QuotaSetUsage = Record<string, QuotaUsage>;

export async function getQuotas(session: CinderSession, projectId: string): Promise<QuotaSet> {
  const body = await session.get<{ quota_set: Record<string, unknown> }>(`/os-quota-sets/${encodeURIComponent(projectId)}`);
  return numericEntries(body.quota_set);
}

/** Limits with what is in use and reserved (admin, or the project itself). */
export async function getQuotaUsage(session: CinderSession, projectId: string): Promise<QuotaSetUsage> {
  const body = await session.get<{ quota_set: Record<string, unknown> }>(`/os-quota-sets/${encodeURIComponent(projectId)}`, { usage: 'true' });
  const usage: QuotaSetUsage = {};
  for (const [key, value] of Object.entries(body.quota_set)) {
    if (value && typeof value === 'object' && 'limit' in value) usage[key] = value as QuotaUsage;
  }
  return usage;
}

/** Drops `id` (the project id echoed back) and anything else that is not a number. */
function numericEntries(set: Record<string, unknown>): QuotaSet {
  const quotas: QuotaSet = {};
  for (const [key, value] of Object.entries(set)) if (typeof value === 'number') quotas[key] = value;
  return quotas;
}
