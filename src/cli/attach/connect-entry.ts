import { ATTACHMENT_COMPLETE_MICROVERSION, attachVolume, completeAttachment, reserveVolume, unreserveVolume } from '../../api/resources/attachments.js';
import { getVolume } from '../../api/resources/volumes.js';
import { UcinderError } from '../../errors.js';
import type { Connector } from '../../host/connector.js';
import { isComplete, type AttachContext } from '../../host/connectors/protocol.js';
import { connectorFor } from '../../host/connectors/select.js';
import type { ConnectionEntry } from '../../state/connection-entry.js';
import type { ConnectionStore } from '../../state/connections.js';
import type { Factory } from '../factory.js';

export interface CachedConnection {
  path: string;
  entry: ConnectionEntry;
}

interface ConnectOutcome {
  entry: ConnectionEntry;
  /** Every path was there already: nothing was run or written. */
  already: boolean;
}

/**
 * Attaches one cached connection on this host (login, map, connect) and
 * records the device. A connection whose devices are all there is left alone;
 * one with a path missing (multipath) is logged in again, which the tools
 * treat as a no-op for the paths that are up. In a dry run the context's
 * runner only records: nothing is waited for or written.
 */
export async function connectCached(
  f: Factory,
  store: ConnectionStore,
  { path, entry }: CachedConnection,
  context: AttachContext,
  flags: { attach?: boolean } = {},
): Promise<ConnectOutcome> {
  const protocol = connectorFor(entry.connection.driver_volume_type);
  const connector = entry.connector as Connector;
  if (!context.dryRun && entry.device && isComplete(await protocol.onHost(entry.data, connector, context.probe))) {
    if (!entry.device.stopped_at) return { entry, already: true };
    // Back by itself (open-iscsi's automatic login, say) since disconnect --all: no longer stopped.
    const updated = await store.update(path, (current) => {
      if (!current?.device) return current ?? null;
      const { stopped_at: _back, ...device } = current.device;
      return { ...current, device };
    });
    return { entry: updated ?? entry, already: true };
  }
  const outcome = await protocol.attach(entry.data, connector, context);
  if (context.dryRun) return { entry, already: false };

  // Coming back after a reboot (or a lost path), the volume is still in-use
  // here as far as Cinder knows: keep what it was told.
  const told = entry.device?.attached === true;
  let device: NonNullable<ConnectionEntry['device']> = {
    path: outcome.device,
    paths: outcome.paths,
    connected_at: new Date(f.deps.now?.() ?? Date.now()).toISOString(),
    attached: told,
    ...(told && entry.device?.attachment_id ? { attachment_id: entry.device.attachment_id } : {}),
  };
  let attachError: unknown;
  if (flags.attach && !told) {
    try {
      device = { ...device, ...(await tellCinder(f, entry, outcome.device)) };
    } catch (error) {
      // The host is attached either way: record it so disconnect can undo it.
      attachError = error;
    }
  }
  const updated = await store.update(path, (current) => ({ ...(current ?? entry), device }));
  if (attachError) {
    const reason = attachError instanceof Error ? attachError.message : String(attachError);
    throw new UcinderError(`connected at ${device.path}, but Cinder was not told (--attach failed): ${reason}`);
  }
  return { entry: updated ?? { ...entry, device }, already: false };
}

/** Legacy: os-reserve + os-attach (host_name, mountpoint). Attachments API: complete the attachment. */
async function tellCinder(f: Factory, entry: ConnectionEntry, mountpoint: string): Promise<{ attached: true; attachment_id?: string }> {
  const session = await f.session();
  if (entry.connection.api === 'attachments' && entry.connection.attachment_id) {
    if (!session.supports(ATTACHMENT_COMPLETE_MICROVERSION)) {
      throw new UcinderError(`completing an attachment needs API ${ATTACHMENT_COMPLETE_MICROVERSION}`);
    }
    await completeAttachment(session, entry.connection.attachment_id);
    return { attached: true, attachment_id: entry.connection.attachment_id };
  }
  const hostName = String(entry.connector.host ?? '');
  await reserveVolume(session, entry.volume.id);
  try {
    await attachVolume(session, entry.volume.id, { host_name: hostName, mountpoint });
  } catch (error) {
    await unreserveVolume(session, entry.volume.id).catch(() => undefined);
    throw error;
  }
  const volume = await getVolume(session, entry.volume.id);
  const attachment =
    (volume.attachments ?? []).find((item) => item.host_name === hostName && item.device === mountpoint) ?? (volume.attachments ?? []).find((item) => item.host_name === hostName);
  const attachmentId = attachment?.attachment_id ?? attachment?.id;
  return attachmentId ? { attached: true, attachment_id: attachmentId } : { attached: true };
}
