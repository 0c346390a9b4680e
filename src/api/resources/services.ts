import type { CinderSession } from '../session.js';
import type { Service } from '../types.js';

export interface ServiceFilters {
  host?: string;
  binary?: string;
}

export async function listServices(session: CinderSession, filters: ServiceFilters = {}): Promise<Service[]> {
  const body = await session.get<{ services: Service[] }>('/os-services', {
    host: filters.host,
    binary: filters.binary,
  });
  return body.services;
}

export interface ServiceKey {
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
