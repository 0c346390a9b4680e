import type { CinderSession } from '../api/session.js';
import type { NameKind } from './name-kinds.js';

/** What each kind of name is read from; unnamed resources are offered by ID. */
const SOURCES: Record<NameKind, (session: CinderSession) => Promise<(string | null | undefined)[]>> = {
  volume: async (session) => {
    const { listVolumes } = await import('../api/resources/volumes.js');
    return (await listVolumes(session)).map((volume) => volume.name || volume.id);
  },
  snapshot: async (session) => {
    const { listSnapshots } = await import('../api/resources/snapshots.js');
    return (await listSnapshots(session)).map((snapshot) => snapshot.name || snapshot.id);
  },
  backup: async (session) => {
    const { listBackups } = await import('../api/resources/backups.js');
    return (await listBackups(session)).map((backup) => backup.name || backup.id);
  },
  type: async (session) => {
    const { listVolumeTypes } = await import('../api/resources/volume-types.js');
    return (await listVolumeTypes(session)).map((type) => type.name || type.id);
  },
  transfer: async (session) => {
    const { listTransfers } = await import('../api/resources/transfers.js');
    return (await listTransfers(session)).map((transfer) => transfer.name || transfer.id);
  },
  service: async (session) => {
    const { listServices } = await import('../api/resources/services.js');
    return (await listServices(session)).map((service) => service.binary);
  },
  host: async (session) => {
    const { listServices } = await import('../api/resources/services.js');
    return (await listServices(session)).map((service) => service.host);
  },
  qos: async (session) => {
    const { listQosSpecs } = await import('../api/resources/qos-specs.js');
    return (await listQosSpecs(session)).map((spec) => spec.name || spec.id);
  },
};

/** Distinct, sorted names of `kind` in the session's project. */
export async function fetchNames(session: CinderSession, kind: NameKind): Promise<string[]> {
  const names = await SOURCES[kind](session);
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name !== ''))].sort();
}
