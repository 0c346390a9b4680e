import type { CinderSession } from '../session.js';

export interface RateLimit {
  verb: string;
  value: number;
  remaining: number;
  unit: string;
  'next-available'?: string;
}

export interface RateLimitGroup {
  regex?: string;
  uri: string;
  limit: RateLimit[];
}

export interface Limits {
  /** maxTotalVolumes, totalVolumesUsed, …: -1 means unlimited. */
  absolute: Record<string, number>;
  rate: RateLimitGroup[];
}

/** The caller's project limits and usage. */
export async function getLimits(session: CinderSession): Promise<Limits> {
  const limits = (await session.get('/limits')).inner('limits');
  return { absolute: limits.object<Record<string, number>>('absolute'), rate: limits.list<RateLimitGroup>('rate') };
}
