import type { CinderSession } from '../session.js';

export interface QuotaUsage {
  limit: number;
  in_use: number;
  reserved: number;
  /** Present on some releases. */
  allocated?: number;
}

/**
 * One project's quota set as Cinder returns it: `id` (the project), volumes,
 * snapshots, gigabytes, backups, backup_gigabytes, per_volume_gigabytes,
 * groups and per-type keys such as volumes_<type>. -1 means unlimited.
 */
export type QuotaSet = Record<string, unknown>;
export type QuotaSetUsage = Record<string, QuotaUsage>;

/** The project's quotas, or with `defaults` the defaults a new project gets. */
export async function getQuotas(session: CinderSession, projectId: string, options: { defaults?: boolean } = {}): Promise<QuotaSet> {
  const path = `/os-quota-sets/${encodeURIComponent(projectId)}${options.defaults ? '/defaults' : ''}`;
  return (await session.get(path)).object<QuotaSet>('quota_set');
}

/** Limits with what is in use and reserved (admin, or the project itself). */
export async function getQuotaUsage(session: CinderSession, projectId: string): Promise<QuotaSetUsage> {
  const answer = await session.get(`/os-quota-sets/${encodeURIComponent(projectId)}`, { usage: 'true' });
  const usage: QuotaSetUsage = {};
  for (const [key, value] of Object.entries(answer.object<QuotaSet>('quota_set'))) {
    if (value && typeof value === 'object' && 'limit' in value) usage[key] = value as QuotaUsage;
  }
  return usage;
}

/** New limits: Cinder's quota names (volumes, backup_gigabytes, volumes_<type>, …) to values. */
export type QuotaChanges = Record<string, number>;

/** PUT /os-quota-sets/{project}; Cinder refuses a limit below what is in use (400). */
export async function updateQuotas(session: CinderSession, projectId: string, changes: QuotaChanges): Promise<QuotaSet> {
  return (await session.put(`/os-quota-sets/${encodeURIComponent(projectId)}`, { quota_set: changes })).object<QuotaSet>('quota_set');
}

/** Drops the project's own quotas: it gets the defaults (its quota class's) again. */
export function deleteQuotas(session: CinderSession, projectId: string): Promise<void> {
  return session.delete(`/os-quota-sets/${encodeURIComponent(projectId)}`);
}
