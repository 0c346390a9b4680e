import type { CinderSession } from '../session.js';

export interface AvailabilityZone {
  zoneName: string;
  zoneState: { available: boolean };
}

export async function listAvailabilityZones(session: CinderSession): Promise<AvailabilityZone[]> {
  const body = await session.get<{ availabilityZoneInfo: AvailabilityZone[] }>('/os-availability-zone');
  return body.availabilityZoneInfo;
}
