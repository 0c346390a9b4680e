import type { CinderSession } from '../session.js';
import { volumeAction } from './volumes.js';

/**
 * Host attachment calls: the legacy volume actions (os-initialize_connection
 * and friends, any microversion) and the attachments API (3.27+, complete 3.44).
 */

/** Cinder's connection_info: driver_volume_type plus the protocol's data. */
export interface ConnectionInfo {
  driver_volume_type: string;
  data: Record<string, unknown>;
  [key: string]: unknown;
}

export type ConnectorProperties = Record<string, unknown>;

export async function initializeConnection(session: CinderSession, volumeId: string, connector: ConnectorProperties): Promise<ConnectionInfo> {
  const info = (await volumeAction(session, volumeId, 'os-initialize_connection', { connector })).inner('connection_info');
  // What the host's connectors read: the protocol and its data.
  info.string('driver_volume_type');
  info.object('data');
  return info.whole<ConnectionInfo>();
}

export async function terminateConnection(session: CinderSession, volumeId: string, connector: ConnectorProperties): Promise<void> {
  await volumeAction(session, volumeId, 'os-terminate_connection', { connector });
}

/** available → attaching, so nobody else attaches it meanwhile. */
export async function reserveVolume(session: CinderSession, volumeId: string): Promise<void> {
  await volumeAction(session, volumeId, 'os-reserve', {});
}

export async function unreserveVolume(session: CinderSession, volumeId: string): Promise<void> {
  await volumeAction(session, volumeId, 'os-unreserve', {});
}

export interface HostAttach {
  host_name: string;
  mountpoint: string;
  mode?: 'rw' | 'ro';
}

/** Records a host attachment: the volume becomes in-use, attached to host_name at mountpoint. */
export async function attachVolume(session: CinderSession, volumeId: string, attach: HostAttach): Promise<void> {
  await volumeAction(session, volumeId, 'os-attach', { mode: 'rw', ...attach });
}

export async function beginDetaching(session: CinderSession, volumeId: string): Promise<void> {
  await volumeAction(session, volumeId, 'os-begin_detaching', {});
}

export async function detachVolume(session: CinderSession, volumeId: string, attachmentId?: string): Promise<void> {
  await volumeAction(session, volumeId, 'os-detach', attachmentId ? { attachment_id: attachmentId } : {});
}

// ---------------------------------------------------------------- attachments API (3.27+)

export interface Attachment {
  id: string;
  volume_id: string;
  instance?: string | null;
  status: string;
  attach_mode?: string;
  attached_at?: string | null;
  detached_at?: string | null;
  /** Flattened: the data keys plus driver_volume_type. */
  connection_info?: Record<string, unknown> | null;
  [field: string]: unknown;
}

export const ATTACHMENTS_MICROVERSION = '3.27';

/** Attachment statuses (attach_status) that mean the attach or detach never finished. */
export const ATTACHMENT_UNFINISHED = ['reserved', 'attaching', 'detaching', 'error_attaching', 'error_detaching'] as const;
export const ATTACHMENT_COMPLETE_MICROVERSION = '3.44';

export const ATTACHMENT_MODE_MICROVERSION = '3.54';

export async function createAttachment(
  session: CinderSession,
  request: { volumeId: string; instanceId?: string; connector?: ConnectorProperties; mode?: 'rw' | 'ro' },
): Promise<Attachment> {
  const attachment: Record<string, unknown> = { volume_uuid: request.volumeId };
  if (request.instanceId) attachment.instance_uuid = request.instanceId;
  if (request.connector) attachment.connector = request.connector;
  // `mode` exists from 3.54; older servers reject unknown keys.
  if (request.mode && session.supports('3.54')) attachment.mode = request.mode;
  return (await session.post('/attachments', { attachment })).object<Attachment>('attachment');
}

export async function getAttachment(session: CinderSession, id: string): Promise<Attachment> {
  return (await session.get(`/attachments/${encodeURIComponent(id)}`)).object<Attachment>('attachment');
}

export interface AttachmentFilters {
  allProjects?: boolean;
  volumeId?: string;
  /** The attachment's attach_status: reserved, attaching, attached, error_attaching, … */
  status?: string;
  instanceId?: string;
  marker?: string;
  limit?: number;
}

/** Attachments with their detail fields (attach mode, times, connection info), across pages. */
export function listAttachments(session: CinderSession, filters: AttachmentFilters = {}): Promise<Attachment[]> {
  return session.list<Attachment>('/attachments/detail', 'attachments', {
    query: {
      all_tenants: filters.allProjects ? 1 : undefined,
      volume_id: filters.volumeId,
      // Cinder's `status` filter names no column of the attachments table
      // and so matches nothing; attach_status is the same field by its real name.
      attach_status: filters.status,
      instance_id: filters.instanceId,
      marker: filters.marker,
    },
    limit: filters.limit,
  });
}

/** Gives a reserved attachment its connector: the driver exports the volume, the answer carries connection_info. */
export async function updateAttachment(session: CinderSession, id: string, connector: ConnectorProperties): Promise<Attachment> {
  const path = `/attachments/${encodeURIComponent(id)}`;
  return (await session.put(path, { attachment: { connector } })).object<Attachment>('attachment');
}

export async function completeAttachment(session: CinderSession, id: string): Promise<void> {
  await session.post(`/attachments/${encodeURIComponent(id)}/action`, { 'os-complete': null });
}

export async function deleteAttachment(session: CinderSession, id: string): Promise<void> {
  await session.delete(`/attachments/${encodeURIComponent(id)}`);
}

/** The attachments API's flattened connection_info back in the legacy shape. */
export function unflattenConnectionInfo(flat: Record<string, unknown>): ConnectionInfo {
  const { driver_volume_type: type, ...data } = flat;
  return { driver_volume_type: String(type ?? ''), data };
}
