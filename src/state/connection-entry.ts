/**
 * What one connection cache file holds (see connections.ts for the file
 * format). Kept free of node:crypto and fs so command modules can import it
 * at start-up.
 */

export interface CacheIdentity {
  /** The block-storage endpoint the volume lives behind. */
  endpoint: string;
  project: string;
}

export interface VolumeRef {
  id: string;
  name: string;
  endpoint: string;
  project: string;
  /**
   * The backend (os-vol-host-attr:host, admin only) that exported the volume
   * at init-connect: a different one later means the cached export is stale.
   */
  backend?: string;
}

export type ConnectionApi = 'legacy' | 'attachments';

export interface ConnectionEntry {
  volume: VolumeRef;
  connector: Record<string, unknown>;
  connection: {
    driver_volume_type: string;
    initialized_at: string;
    api: ConnectionApi;
    /** The attachment holding the connection (attachments API). */
    attachment_id?: string;
  };
  data: Record<string, unknown>;
  device?: {
    path: string;
    paths: string[];
    connected_at: string;
    /** Cinder was told (os-attach / attachment complete): the volume shows in-use. */
    attached: boolean;
    /** The attachment os-attach created, for os-detach. */
    attachment_id?: string;
    /**
     * When `disconnect --all` (shutdown) took the device away: the record
     * stays so that `connect --all` (boot) brings it back.
     */
    stopped_at?: string;
  };
}

export type ConnectionState = 'initialized' | 'connected' | 'attached' | 'stopped';

export function connectionState(entry: ConnectionEntry): ConnectionState {
  if (!entry.device) return 'initialized';
  if (entry.device.stopped_at) return 'stopped';
  return entry.device.attached ? 'attached' : 'connected';
}
