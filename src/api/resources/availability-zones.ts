import type { CinderSession } from '../session.js';

export interface AvailabilityZone {
  zoneName: string;
  zoneState: { available: boolean };
}

export async function listAvailabilityZones(session: CinderSession): Promise<AvailabilityZone[]> {
  return (await session.get('/os-availability-zone')).list<AvailabilityZone>('availabilityZoneInfo');
}
