import type { CinderSession } from '../session.js';

/** What a backend pool reports to the scheduler (driver-specific keys besides these). */
export interface PoolCapabilities {
  pool_name?: string;
  volume_backend_name?: string;
  vendor_name?: string;
  driver_version?: string;
  storage_protocol?: string;
  total_capacity_gb?: number | string;
  free_capacity_gb?: number | string;
  allocated_capacity_gb?: number | string;
  provisioned_capacity_gb?: number | string;
  reserved_percentage?: number;
  max_over_subscription_ratio?: number | string;
  thin_provisioning_support?: boolean;
  thick_provisioning_support?: boolean;
  total_volumes?: number;
  multiattach?: boolean;
  backend_state?: string;
  timestamp?: string;
  [key: string]: unknown;
}

export interface Pool {
  /** host@backend#pool */
  name: string;
  capabilities?: PoolCapabilities;
}

export interface PoolFilters {
  /** Only pools of this backend pool name (3.28+ filters on the server; older ones ignore it). */
  name?: string;
  /** Only pools a volume of this type (name or ID) could go to (3.28+). */
  volumeType?: string;
}

/** The scheduler's view of every backend pool (admin), with capabilities. */
export async function listPools(session: CinderSession, filters: PoolFilters = {}): Promise<Pool[]> {
  const answer = await session.get('/scheduler-stats/get_pools', {
    detail: 'true',
    name: filters.name,
    volume_type: filters.volumeType,
  });
  return answer.list<Pool>('pools');
}

/** One capability a backend advertises for volume type extra specs. */
export interface CapabilityProperty {
  title?: string;
  description?: string;
  type?: string;
  [key: string]: unknown;
}

export interface BackendCapabilities {
  namespace?: string;
  vendor_name?: string;
  volume_backend_name?: string;
  pool_name?: string | null;
  driver_version?: string;
  storage_protocol?: string;
  display_name?: string | null;
  description?: string | null;
  visibility?: string | null;
  replication_targets?: unknown[];
  properties?: Record<string, CapabilityProperty>;
  [key: string]: unknown;
}

/** GET /capabilities/{host}: `host` is a backend host such as node1@mmj (no #pool). */
export async function getBackendCapabilities(session: CinderSession, host: string): Promise<BackendCapabilities> {
  // Cinder sends the capabilities without an envelope; their properties are what the command shows.
  const answer = await session.get(`/capabilities/${encodeURIComponent(host)}`);
  answer.object('properties');
  return answer.whole<BackendCapabilities>();
}
