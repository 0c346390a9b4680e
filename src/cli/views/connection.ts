import { redactJson } from '../../http/redact.js';
import type { ConnectionInfo } from '../../api/resources/attachments.js';
import { details, type Details, type Value } from '../../output/result.js';
import { connectionState, type ConnectionEntry } from '../../state/connection-entry.js';

function shown(value: unknown, showSecrets: boolean): Value {
  return (showSecrets ? value : redactJson(value)) as Value;
}

/** Cinder's connection_info as Cinder shapes it: driver_volume_type and a nested data (a table: one row per key). */
export function connectionInfoDetails(info: ConnectionInfo, showSecrets: boolean): Details {
  return { ...details({ driver_volume_type: info.driver_volume_type, data: shown(info.data, showSecrets) }), expanded: ['data'] };
}

/** One line naming where the volume lives, for lists. */
export function targetSummary(entry: ConnectionEntry): string {
  const data = entry.data;
  switch (entry.connection.driver_volume_type) {
    case 'iscsi': {
      const portals = Array.isArray(data.target_portals) && entry.connector.multipath === true ? data.target_portals.join(',') : data.target_portal;
      return `${String(portals)} ${String(data.target_iqn)} lun ${String(data.target_lun)}`;
    }
    case 'rbd':
      return String(data.name);
    case 'nvmeof':
      return String(data.target_nqn ?? data.nqn);
    default:
      return '';
  }
}

/** What `connect` prints: the device it recorded. */
export function connectDetails(entry: ConnectionEntry): Details {
  return details({
    id: entry.volume.id,
    name: entry.volume.name,
    driver_volume_type: entry.connection.driver_volume_type,
    device: entry.device?.path ?? null,
    paths: entry.device?.paths ?? [],
    state: connectionState(entry),
    connected_at: entry.device?.connected_at ?? null,
  });
}

/** `connection show`: the cached entry, connection info nested as Cinder returned it. */
export function entryDetails(entry: ConnectionEntry, path: string, showSecrets: boolean): Details {
  const fields: Record<string, Value> = {
    id: entry.volume.id,
    name: entry.volume.name,
    endpoint: entry.volume.endpoint,
    project: entry.volume.project,
    state: connectionState(entry),
    host: String(entry.connector.host ?? ''),
    connector: shown(entry.connector, showSecrets),
    driver_volume_type: entry.connection.driver_volume_type,
    data: shown(entry.data, showSecrets),
    initialized_at: entry.connection.initialized_at,
    api: entry.connection.api,
    device: entry.device?.path ?? null,
    connected_at: entry.device?.connected_at ?? null,
    file: path,
  };
  if (entry.connection.attachment_id) fields.attachment_id = entry.connection.attachment_id;
  else if (entry.device?.attachment_id) fields.attachment_id = entry.device.attachment_id;
  return { ...details(fields), expanded: ['connector', 'data'] };
}
