import type { ConnectionInfo } from '../../api/resources/attachments.js';
import type { Volume } from '../../api/resources/volumes.js';
import type { Connector } from '../../host/connector.js';
import type { CacheIdentity, ConnectionApi, ConnectionEntry } from '../../state/connection-entry.js';

/**
 * The cache entry for what Cinder just returned for `volume` and
 * `connector`: written by init-connect, and by `connection check --fix` when
 * it rebuilds a lost entry from Cinder.
 */
export function newEntry(
  volume: Volume,
  identity: CacheIdentity,
  connector: Connector,
  info: ConnectionInfo,
  connection: { api: ConnectionApi; attachmentId?: string; now: number },
): ConnectionEntry {
  const backend = volume['os-vol-host-attr:host'];
  return {
    volume: {
      id: volume.id,
      name: volume.name || volume.id,
      endpoint: identity.endpoint,
      project: identity.project,
      // Only admins see it; `connection check` compares it to spot a volume exported elsewhere since.
      ...(typeof backend === 'string' && backend ? { backend } : {}),
    },
    connector,
    connection: {
      driver_volume_type: info.driver_volume_type,
      initialized_at: new Date(connection.now).toISOString(),
      api: connection.api,
      ...(connection.attachmentId ? { attachment_id: connection.attachmentId } : {}),
    },
    data: info.data ?? {},
  };
}
