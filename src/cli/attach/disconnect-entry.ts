import { beginDetaching, detachVolume } from '../../api/resources/attachments.js';
import { volumeAction } from '../../api/resources/volumes.js';
import { UcinderError } from '../../errors.js';
import type { Connector } from '../../host/connector.js';
import type { AttachContext } from '../../host/connectors/protocol.js';
import { connectorFor } from '../../host/connectors/select.js';
import type { HostAttachment } from '../../host/host-attachments.js';
import type { ConnectionStore } from '../../state/connections.js';
import type { Factory } from '../factory.js';
import type { CachedConnection } from './connect-entry.js';

/**
 * Takes one cached connection off this host (flush, then logout/unmap/
 * disconnect) and forgets its device. When Cinder was told (`connect
 * --attach`, legacy API) it is told again, as Nova does it: os-begin_detaching
 * first, os-detach after, os-roll_detaching when the host side fails.
 */
export async function disconnectCached(f: Factory, store: ConnectionStore, { path, entry }: CachedConnection, context: AttachContext): Promise<void> {
  const protocol = connectorFor(entry.connection.driver_volume_type);
  const legacyAttached = !context.dryRun && entry.device?.attached === true && entry.connection.api === 'legacy';
  const session = legacyAttached ? await f.session() : undefined;
  if (session) await beginDetaching(session, entry.volume.id);
  try {
    await protocol.detach(entry.data, entry.connector as Connector, entry.device?.path, context);
  } catch (error) {
    if (session) await volumeAction(session, entry.volume.id, 'os-roll_detaching', {}).catch(() => undefined);
    throw error;
  }
  if (context.dryRun) return;
  if (session) await detachVolume(session, entry.volume.id, entry.device?.attachment_id);
  await store.update(path, (current) => {
    if (!current) return null;
    const { device: _gone, ...rest } = current;
    return rest;
  });
}

/**
 * Shutdown (`disconnect --all`): the host side only. Cinder keeps the volume
 * in-use here, as it does for a rebooting Nova instance, and the device
 * record stays, marked stopped, so that `connect --all` brings it back.
 */
export async function stopCached(f: Factory, store: ConnectionStore, { path, entry }: CachedConnection, context: AttachContext): Promise<void> {
  const protocol = connectorFor(entry.connection.driver_volume_type);
  await protocol.detach(entry.data, entry.connector as Connector, entry.device?.path, context);
  if (context.dryRun) return;
  const stoppedAt = new Date(f.deps.now?.() ?? Date.now()).toISOString();
  await store.update(path, (current) => {
    if (!current?.device) return current ?? null;
    return { ...current, device: { ...current.device, stopped_at: stoppedAt } };
  });
}

/**
 * Detaches what the host shows for a volume that has no cache entry. Cinder
 * is not told: nothing records what it was told (`connection check` reports
 * an in-use volume that is no longer attached here).
 */
export async function detachFromHost(attachment: HostAttachment, context: AttachContext): Promise<void> {
  if (attachment.sharedWith) {
    throw new UcinderError(
      `the NVMe subsystem ${attachment.target} also holds ${attachment.sharedWith} other namespace(s): disconnecting it would take them away too; disconnect it with nvme-cli when none is in use`,
    );
  }
  const protocol = connectorFor(attachment.protocol);
  const connector = { multipath: attachment.portals.length > 1 } as unknown as Connector;
  await protocol.detach(attachment.data, connector, attachment.device, context);
}
