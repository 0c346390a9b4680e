import { listSnapshots } from '../api/resources/snapshots.js';
import type { CinderSession } from '../api/session.js';
import { InterruptedError, UcinderError } from '../errors.js';
import { ApiError } from '../http/errors.js';

/**
 * Cinder refuses to delete a volume that has snapshots with one 400 that
 * lists every reason it might have ("must not be migrating, attached, belong
 * to a group, have snapshots, …", cinder/volume/api.py delete()). When the
 * volume does have snapshots, say so and name the flag that deletes them
 * with it, in both clients' words (cinder's --cascade, openstack's --purge).
 */
class VolumeHasSnapshotsError extends UcinderError {
  override name = 'VolumeHasSnapshotsError';
}

export async function explainRefusedDelete(session: CinderSession, volume: { id: string; name?: string | null }, error: unknown): Promise<unknown> {
  if (!(error instanceof ApiError) || error.status !== 400) return error;
  let snapshots: { id: string; name?: string | null }[];
  try {
    snapshots = await listSnapshots(session, { volumeId: volume.id });
  } catch (listError) {
    if (listError instanceof InterruptedError) throw listError;
    return error;
  }
  if (snapshots.length === 0) return error;
  const label = volume.name ? `'${volume.name}'` : volume.id;
  const names = snapshots.map((snapshot) => snapshot.name || snapshot.id);
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
  const count = snapshots.length === 1 ? '1 snapshot' : `${snapshots.length} snapshots`;
  return new VolumeHasSnapshotsError(
    `volume ${label} has ${count} (${shown}): give --cascade (openstack's --purge) to delete ${snapshots.length === 1 ? 'it' : 'them'} with the volume, or delete ${snapshots.length === 1 ? 'it' : 'them'} first`,
  );
}
