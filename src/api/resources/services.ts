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
