import type { CinderSession } from '../session.js';

export interface Service {
  binary: string;
  host: string;
  zone: string;
  status: string;
  state: string;
  updated_at: string | null;
  disabled_reason?: string | null;
  /** 3.7+ */
  cluster?: string | null;
  replication_status?: string;
  active_backend_id?: string | null;
  frozen?: boolean;
  /** 3.49+, cinder-volume only */
  backend_state?: string;
  [field: string]: unknown;
}

interface ServiceFilters {
  host?: string;
  binary?: string;
}

export async function listServices(session: CinderSession, filters: ServiceFilters = {}): Promise<Service[]> {
  return (await session.get('/os-services', { host: filters.host, binary: filters.binary })).list<Service>('services');
}

interface ServiceKey {
  host: string;
  binary: string;
}

/** The scheduler stops placing new volumes on a disabled service; existing ones keep working. */
export async function disableService(session: CinderSession, service: ServiceKey, reason?: string): Promise<void> {
  if (reason === undefined) {
    await session.put('/os-services/disable', { host: service.host, binary: service.binary });
  } else {
    await session.put('/os-services/disable-log-reason', { host: service.host, binary: service.binary, disabled_reason: reason });
  }
}

export async function enableService(session: CinderSession, service: ServiceKey): Promise<void> {
  await session.put('/os-services/enable', { host: service.host, binary: service.binary });
}

/**
 * Freezing a backend host (replication failover preparation) disables its
 * service and makes Cinder refuse control-plane changes on its volumes;
 * thawing undoes both.
 */
export async function freezeHost(session: CinderSession, host: string): Promise<void> {
  await session.put('/os-services/freeze', { host });
}

export async function thawHost(session: CinderSession, host: string): Promise<void> {
  await session.put('/os-services/thaw', { host });
}

/** Failover by cluster: PUT os-services/failover (3.26); older servers only know failover_host (by host). */
export const FAILOVER_CLUSTER_MIN_VERSION = '3.26';

/**
 * Asks the volume service of `host` (every service of its cluster, when it is
 * clustered) or of `cluster` to fail over to replication target `backendId`
 * ("default" fails back). Cinder answers 202 at once; the service reports
 * the outcome in its replication_status and active_backend_id.
 */
export async function failoverHost(session: CinderSession, target: { host?: string; cluster?: string }, backendId: string): Promise<void> {
  if (session.supports(FAILOVER_CLUSTER_MIN_VERSION)) {
    const body: Record<string, string> = { backend_id: backendId };
    if (target.host !== undefined) body.host = target.host;
    if (target.cluster !== undefined) body.cluster = target.cluster;
    await session.put('/os-services/failover', body);
  } else {
    await session.put('/os-services/failover_host', { host: target.host, backend_id: backendId });
  }
}
