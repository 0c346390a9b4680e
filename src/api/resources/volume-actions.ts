import type { CinderSession } from '../session.js';
import type { Volume } from './volumes.js';
import { volumeAction } from './volumes.js';

/**
 * The volume changes an operator makes after creation: renames, metadata and
 * the asynchronous actions (extend, retype, migrate) plus the admin-only ones
 * (reset-state, read-only flag). Each is one Cinder call; the commands decide
 * how to combine and wait for them.
 */

/** Statuses `volume set --state` may reset a volume to (Cinder's own list). */
export const VOLUME_RESET_STATES = ['available', 'error', 'creating', 'deleting', 'in-use', 'attaching', 'detaching', 'error_deleting', 'maintenance'] as const;

export type MigrationPolicy = 'never' | 'on-demand';

function volumePath(id: string, suffix = ''): string {
  return `/volumes/${encodeURIComponent(id)}${suffix}`;
}

/** PUT /volumes/{id}: name and description. */
export async function updateVolume(session: CinderSession, id: string, changes: { name?: string; description?: string }): Promise<Volume> {
  return (await session.put(volumePath(id), { volume: changes })).object<Volume>('volume');
}

/** Merges keys into the volume's metadata (keys not named are kept). */
export async function setVolumeMetadata(session: CinderSession, id: string, metadata: Record<string, string>): Promise<Record<string, string>> {
  return (await session.post(volumePath(id, '/metadata'), { metadata })).object<Record<string, string>>('metadata');
}

export function deleteVolumeMetadata(session: CinderSession, id: string, key: string): Promise<void> {
  return session.delete(volumePath(id, `/metadata/${encodeURIComponent(key)}`));
}

/** Replaces all of the volume's metadata with `metadata` in one request (PUT: keys not named are removed). */
export async function replaceVolumeMetadata(session: CinderSession, id: string, metadata: Record<string, string>): Promise<Record<string, string>> {
  return (await session.put(volumePath(id, '/metadata'), { metadata })).object<Record<string, string>>('metadata');
}

/** Merges keys into the volume's image metadata (what a boot from the volume passes on as image properties). */
export async function setVolumeImageMetadata(session: CinderSession, id: string, metadata: Record<string, string>): Promise<void> {
  await volumeAction(session, id, 'os-set_image_metadata', { metadata });
}

export async function unsetVolumeImageMetadata(session: CinderSession, id: string, key: string): Promise<void> {
  await volumeAction(session, id, 'os-unset_image_metadata', { key });
}

/** Asynchronous: status goes to `extending`. In-use volumes need 3.42. */
export async function extendVolume(session: CinderSession, id: string, newSize: number): Promise<void> {
  await volumeAction(session, id, 'os-extend', { new_size: newSize });
}

/**
 * Asynchronous: status goes to `retyping`; 'on-demand' lets Cinder migrate
 * to another backend. Returns the request ID (see postForRequestId).
 */
export function retypeVolume(session: CinderSession, id: string, newType: string, policy: MigrationPolicy): Promise<string | undefined> {
  return session.postForRequestId(volumePath(id, '/action'), { 'os-retype': { new_type: newType, migration_policy: policy } });
}

/** Admin: overwrite status and/or attach status in the database; nothing happens on the backend. */
/** Migration statuses os-reset_status accepts; 'none' clears the field (Cinder stores NULL). */
export const MIGRATION_RESET_STATES = ['none', 'error', 'success', 'migrating', 'completing', 'starting'] as const;

export interface VolumeStatusReset {
  status?: string;
  attach_status?: 'attached' | 'detached';
  migration_status?: string;
}

export async function resetVolumeStatus(session: CinderSession, id: string, reset: VolumeStatusReset): Promise<void> {
  await volumeAction(session, id, 'os-reset_status', reset);
}

export async function setVolumeReadOnly(session: CinderSession, id: string, readonly: boolean): Promise<void> {
  await volumeAction(session, id, 'os-update_readonly_flag', { readonly });
}

/** The first microversion that migrates to a cluster instead of a host. */
export const MIGRATE_TO_CLUSTER_MIN_VERSION = '3.16';

/** Exactly one of host and cluster. */
interface MigrateOptions {
  /** Destination backend, e.g. node1@mmj2#mmj2. */
  host?: string;
  /** Destination cluster (3.16+), e.g. mycluster@lvm#pool: any of its services may take it. */
  cluster?: string;
  /** Copy the data through the volume service even if the driver could migrate it. */
  forceHostCopy?: boolean;
  /** Keep the volume locked ('maintenance') so nothing else can act on it meanwhile. */
  lockVolume?: boolean;
}

/**
 * Admin, asynchronous: `migration_status` goes starting → migrating →
 * success or error. Returns the request ID (see postForRequestId).
 */
export function migrateVolume(session: CinderSession, id: string, options: MigrateOptions): Promise<string | undefined> {
  return session.postForRequestId(volumePath(id, '/action'), {
    'os-migrate_volume': {
      ...(options.cluster === undefined ? { host: options.host } : { cluster: options.cluster }),
      force_host_copy: options.forceHostCopy === true,
      lock_volume: options.lockVolume === true,
    },
  });
}

/** The first microversion with the revert action. */
export const REVERT_MIN_VERSION = '3.40';

/** Asynchronous: status goes to `reverting`. The snapshot must be the volume's latest. */
export async function revertVolumeToSnapshot(session: CinderSession, id: string, snapshotId: string): Promise<void> {
  await volumeAction(session, id, 'revert', { snapshot_id: snapshotId });
}

/** Admin, asynchronous: Cinder forgets the volume (status `unmanaging`, then gone); the backend keeps it. */
export async function unmanageVolume(session: CinderSession, id: string): Promise<void> {
  await volumeAction(session, id, 'os-unmanage', {});
}
