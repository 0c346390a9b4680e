import { looksLikeUuid } from '../../api/uuid.js';
import { UcinderError } from '../../errors.js';
import type { AttachContext } from '../../host/connectors/protocol.js';
import type { DeviceProbe } from '../../host/device-probe.js';
import { attachmentAtDevice, listHostAttachments, type HostAttachment } from '../../host/host-attachments.js';
import type { ConnectionStore } from '../../state/connections.js';
import type { Factory } from '../factory.js';
import { findCached, NoCachedConnectionError } from './cache.js';
import type { CachedConnection } from './connect-entry.js';
import { detachFromHost, disconnectCached } from './disconnect-entry.js';
import { resolveVolume } from './resolve-volume.js';

type DisconnectTarget = { volume: string } | { device: string };

export interface Disconnected {
  /** "volume 'vol1'", for the closing line. */
  what: string;
  device?: string;
  /** Set when the host's view was used: no cache entry had it. */
  fromHost?: boolean;
}

/**
 * `disconnect VOLUME` or `disconnect --device DEVICE`: the cache entry when
 * there is one; otherwise what the host shows (an iSCSI session, RBD map or
 * NVMe subsystem named after the volume), so a lost cache file never leaves
 * a volume stuck on the host.
 */
export async function disconnectVolume(f: Factory, store: ConnectionStore, context: AttachContext, target: DisconnectTarget): Promise<Disconnected> {
  const cached = 'volume' in target ? await cachedOrNothing(f, store, target.volume) : await cachedAtDevice(store, target.device, context.probe);
  if (cached) {
    await disconnectCached(f, store, cached, context);
    return { what: `volume '${cached.entry.volume.name}'`, ...(cached.entry.device ? { device: cached.entry.device.path } : {}) };
  }
  // Reading the host is no side effect: even a dry run looks for real.
  const onHost = await listHostAttachments(await f.runner(), context.probe);
  const found = 'volume' in target ? await attachmentsOfVolume(f, onHost, target.volume) : await deviceAttachment(onHost, target.device, context.probe);
  for (const attachment of found.attachments) await detachFromHost(attachment, context);
  return { what: found.what, fromHost: true, ...(found.attachments[0]?.device ? { device: found.attachments[0].device } : {}) };
}

async function cachedOrNothing(f: Factory, store: ConnectionStore, volume: string): Promise<CachedConnection | undefined> {
  try {
    return await findCached(f, store, volume);
  } catch (error) {
    if (error instanceof NoCachedConnectionError) return undefined;
    throw error;
  }
}

/** The entry that recorded this device (the path itself, one of its paths, or the same block device behind a link). */
async function cachedAtDevice(store: ConnectionStore, device: string, probe: DeviceProbe): Promise<CachedConnection | undefined> {
  const wanted = (await probe.resolve(device)) ?? device;
  for (const file of await store.list()) {
    const recorded = file.entry?.device;
    if (!file.entry || !recorded) continue;
    for (const path of [recorded.path, ...recorded.paths]) {
      if (path === device || (await probe.resolve(path)) === wanted) return { path: file.path, entry: file.entry };
    }
  }
  return undefined;
}

/** NAME|ID → the host attachments named after that volume; a name needs Cinder to learn the id. */
async function attachmentsOfVolume(f: Factory, onHost: HostAttachment[], volume: string): Promise<{ what: string; attachments: HostAttachment[] }> {
  let id = volume.toLowerCase();
  if (!looksLikeUuid(volume)) {
    const session = await f.session().catch(() => undefined);
    if (!session) {
      throw new UcinderError(`no connection info cached for volume '${volume}'; give its ID (or --device) to disconnect what the host shows of it`);
    }
    id = (await resolveVolume(session, volume)).id.toLowerCase();
  }
  const attachments = onHost.filter((attachment) => attachment.volumeId === id);
  if (attachments.length === 0) {
    throw new UcinderError(`nothing to disconnect: no connection info cached for volume '${volume}', and no iSCSI session, RBD map or NVMe subsystem of volume ${id} on this host`);
  }
  return { what: `volume '${volume}'`, attachments };
}

async function deviceAttachment(onHost: HostAttachment[], device: string, probe: DeviceProbe): Promise<{ what: string; attachments: HostAttachment[] }> {
  const attachment = await attachmentAtDevice(onHost, device, probe);
  if (!attachment) {
    throw new UcinderError(
      `nothing ucinder knows is attached at ${device}: no cache entry records it, and no iSCSI session, RBD map or NVMe subsystem of a Cinder volume holds it`,
    );
  }
  return { what: `volume ${attachment.volumeId} (${attachment.target})`, attachments: [attachment] };
}
