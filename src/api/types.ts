/**
 * The Cinder v3 resources ucinder reads, as the server sends them. Fields
 * added by later microversions are optional.
 */

export interface Link {
  rel: string;
  href: string;
}

export interface VolumeAttachment {
  id?: string;
  attachment_id?: string;
  volume_id?: string;
  server_id?: string | null;
  host_name?: string | null;
  device?: string | null;
  attached_at?: string | null;
}

export interface Volume {
  id: string;
  name: string | null;
  description?: string | null;
  status: string;
  size: number;
  availability_zone?: string;
  created_at?: string;
  updated_at?: string | null;
  volume_type?: string | null;
  /** 3.63+ */
  volume_type_id?: string;
  bootable?: string;
  encrypted?: boolean;
  multiattach?: boolean;
  metadata?: Record<string, string>;
  attachments?: VolumeAttachment[];
  user_id?: string;
  snapshot_id?: string | null;
  source_volid?: string | null;
  migration_status?: string | null;
  replication_status?: string | null;
  consistencygroup_id?: string | null;
  group_id?: string | null;
  'os-vol-host-attr:host'?: string | null;
  'os-vol-tenant-attr:tenant_id'?: string;
  'os-vol-mig-status-attr:migstat'?: string | null;
  'os-vol-mig-status-attr:name_id'?: string | null;
  volume_image_metadata?: Record<string, string>;
  [field: string]: unknown;
}

export interface VolumeCreateRequest {
  size?: number;
  name: string;
  description?: string;
  volume_type?: string;
  availability_zone?: string;
  metadata?: Record<string, string>;
  snapshot_id?: string;
  source_volid?: string;
  imageRef?: string;
  /** 3.47+: restore this backup into the new volume. */
  backup_id?: string;
}

export interface VolumeType {
  id: string;
  name: string;
  description?: string | null;
  is_public?: boolean;
  'os-volume-type-access:is_public'?: boolean;
  extra_specs?: Record<string, string>;
  qos_specs_id?: string | null;
  [field: string]: unknown;
}

export interface VolumeTypeCreateRequest {
  name: string;
  description?: string;
  extra_specs?: Record<string, string>;
  'os-volume-type-access:is_public'?: boolean;
}

export interface Service {
  binary: string;
  host: string;
  zone: string;
  status: string;
  state: string;
  updated_at: string | null;
  disabled_reason?: string | null;
  /** 3.7+ */
  cluster?: string | null;
  replication_status?: string;
  active_backend_id?: string | null;
  frozen?: boolean;
  /** 3.49+, cinder-volume only */
  backend_state?: string;
  [field: string]: unknown;
}

/** A user message (3.3+): why an asynchronous operation failed. */
export interface Message {
  id: string;
  event_id: string;
  user_message: string;
  message_level: string;
  resource_type?: string;
  resource_uuid?: string;
  created_at: string;
  guaranteed_until?: string;
  request_id?: string;
}
