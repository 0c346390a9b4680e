import { listServices } from '../../api/resources/services.js';
import { getSnapshot, listSnapshots } from '../../api/resources/snapshots.js';
import { getVolume, listVolumes } from '../../api/resources/volumes.js';
import { CLEANED_SNAPSHOT_STATUSES, CLEANED_VOLUME_STATUSES, type CleanupService } from '../../api/resources/workers.js';
import type { CinderSession } from '../../api/session.js';
import type { StatusTarget } from '../../api/wait.js';
import { ApiError } from '../../http/errors.js';
import type { Factory } from '../factory.js';
import { waitWithProgress, type WaitFlags } from './progress.js';

/**
 * `block storage cleanup --wait`: Cinder answers which services will be
 * cleaned, never which resources, so ucinder follows every volume and
 * snapshot of those services' backends (a clustered volume may name any node
 * of its cluster as its host) that sits in a status the cleanup resolves,
 * until none is left in one.
 */

interface StuckResource {
  kind: 'volume' | 'snapshot';
  id: string;
  name: string;
  status: string;
  /** host@backend of the volume (of a snapshot's volume). */
  backend: string;
}

const DONE = 'done';

/** The service hosts (host@backend) whose resources are cleaned: the services' own and their clusters' other nodes. */
export async function cleanedHosts(session: CinderSession, cleaning: CleanupService[]): Promise<Set<string>> {
  const hosts = new Set(cleaning.map((service) => service.host));
  const clusters = new Set(cleaning.map((service) => service.cluster_name).filter((name): name is string => Boolean(name)));
  if (clusters.size) {
    for (const service of await listServices(session, { binary: 'cinder-volume' })) {
      if (service.cluster && clusters.has(service.cluster)) hosts.add(service.host);
    }
  }
  return hosts;
}

/** host@backend of "host@backend#pool". */
function backendOf(host: string | null | undefined): string {
  return (host ?? '').split('#')[0]!;
}

/**
 * Every volume and snapshot in a status the cleanup resolves, with its
 * backend (host@backend): one listing per status, all at once.
 */
export async function transitionalResources(session: CinderSession): Promise<StuckResource[]> {
  const [volumes, snapshots] = await Promise.all([
    Promise.all(CLEANED_VOLUME_STATUSES.map((status) => listVolumes(session, { allProjects: true, status }))),
    Promise.all(CLEANED_SNAPSHOT_STATUSES.map((status) => listSnapshots(session, { allProjects: true, status }))),
  ]);
  const found: StuckResource[] = volumes.flat().map((volume) => ({
    kind: 'volume',
    id: volume.id,
    name: volume.name ?? '',
    status: volume.status,
    backend: backendOf(volume['os-vol-host-attr:host']),
  }));
  // A snapshot lives on its volume's backend; snapshots in these statuses are few.
  for (const snapshot of snapshots.flat()) {
    const volume = await getVolume(session, snapshot.volume_id);
    found.push({ kind: 'snapshot', id: snapshot.id, name: snapshot.name ?? '', status: snapshot.status, backend: backendOf(volume['os-vol-host-attr:host']) });
  }
  return found;
}

function on(hosts: Set<string>, resources: StuckResource[]): StuckResource[] {
  return resources.filter((resource) => hosts.has(resource.backend));
}

/** "volume 9c1b… (db1)" */
function title(resource: StuckResource): string {
  return `${resource.kind} ${resource.id}${resource.name ? ` (${resource.name})` : ''}`;
}

function describe(resource: StuckResource): string {
  return `${title(resource)} ${resource.status}`;
}

/** What became of a resource that was stuck: its status now, or "deleted". */
async function outcome(session: CinderSession, resource: StuckResource): Promise<string> {
  try {
    const now = resource.kind === 'volume' ? await getVolume(session, resource.id) : await getSnapshot(session, resource.id);
    return now.status;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return 'deleted';
    throw error;
  }
}

/**
 * Polls until no resource of `hosts` is left in a cleaned status; a timeout
 * names those still in one. Then notes, on stderr, what became of each
 * resource of `hosts` that was stuck `before` the cleanup was asked for (a
 * live node often cleans up before the first poll).
 */
export async function waitForCleanup(f: Factory, session: CinderSession, hosts: Set<string>, before: StuckResource[], flags: WaitFlags): Promise<void> {
  const names = [...hosts].sort().join(', ');
  const label = `the cleanup of ${names}`;
  const target: StatusTarget<StuckResource[]> = {
    label,
    fetch: async () => on(hosts, await transitionalResources(session)),
    status: (stuck) => (stuck.length ? `still in progress: ${stuck.map(describe).join('; ')}` : DONE),
    done: [DONE],
    failed: () => false,
  };
  await waitWithProgress(f, target, flags, {
    start: `Waiting for ${label}`,
    done: `no volume or snapshot of ${names} is left in a transitional status`,
  });
  for (const resource of on(hosts, before)) {
    f.io.stderr.write(`${title(resource)}: ${resource.status} -> ${await outcome(session, resource)}\n`);
  }
}
