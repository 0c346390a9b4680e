import { ATTACHMENT_UNFINISHED, ATTACHMENTS_MICROVERSION, listAttachments, type Attachment } from '../../api/resources/attachments.js';
import { BACKUP_ERROR, BACKUP_TRANSITIONAL, listBackups, type Backup } from '../../api/resources/backups.js';
import { CLUSTERS_MIN_VERSION, listClusters, type Cluster } from '../../api/resources/clusters.js';
import { listMessages, MESSAGES_MIN_VERSION, type Message } from '../../api/resources/messages.js';
import { listPools, type Pool } from '../../api/resources/pools.js';
import { listServices, type Service } from '../../api/resources/services.js';
import { listSnapshots, SNAPSHOT_ERROR, SNAPSHOT_TRANSITIONAL, type Snapshot } from '../../api/resources/snapshots.js';
import { listVolumes, VOLUME_ERROR, VOLUME_TIME_FILTER_MIN_VERSION, VOLUME_TRANSITIONAL, type Volume } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import { ApiError } from '../../http/errors.js';
import { mapSettledBounded } from '../bounded-map.js';
import { cinderTimeFilter, parseCinderTime } from './duration.js';

/**
 * What `ucinder status` reads, in a fixed number of filtered listings run
 * concurrently: one per transitional or error status (Cinder filters on
 * one status at a time), never one request per resource.
 */

/** Listings in flight at once: fast, without hammering the API. */
const CONCURRENCY = 8;

interface StatusScope {
  allProjects: boolean;
  /** Resources whose last update is older than this (epoch ms) are stuck. */
  stuckBefore: number;
}

export interface CloudState {
  services: Service[];
  clusters: Cluster[];
  pools: Pool[];
  stuckVolumes: Volume[];
  errorVolumes: Volume[];
  stuckSnapshots: Snapshot[];
  errorSnapshots: Snapshot[];
  stuckBackups: Backup[];
  errorBackups: Backup[];
  unfinishedAttachments: Attachment[];
  /** The newest user message about each volume in error, by volume ID. */
  lastMessages: Map<string, Message>;
  /** Checks that could not run, and why (old server, no permission, no backup API). */
  skipped: { what: string; reason: string }[];
}

/** A resource's age reference: its last update, or its creation when it was never updated. */
export function lastChange(resource: { updated_at?: string | null; created_at?: string }): number | undefined {
  return parseCinderTime(resource.updated_at) ?? parseCinderTime(resource.created_at);
}

function olderThan(before: number) {
  return (resource: { updated_at?: string | null; created_at?: string }) => {
    const changed = lastChange(resource);
    return changed !== undefined && changed < before;
  };
}

/** A cloud with nothing in it: where gathering starts (and what a test adds its parts to). */
export function emptyCloudState(): CloudState {
  return {
    services: [],
    clusters: [],
    pools: [],
    stuckVolumes: [],
    errorVolumes: [],
    stuckSnapshots: [],
    errorSnapshots: [],
    stuckBackups: [],
    errorBackups: [],
    unfinishedAttachments: [],
    lastMessages: new Map(),
    skipped: [],
  };
}

export async function gatherCloudState(session: CinderSession, scope: StatusScope): Promise<CloudState> {
  const state = emptyCloudState();
  const allProjects = scope.allProjects;
  const stuck = olderThan(scope.stuckBefore);
  // A volume stuck for longer than the cut-off was created before it: the
  // server drops every younger one; updated_at (or created_at when never
  // updated, which the server cannot express) is compared here.
  const createdBefore = session.supports(VOLUME_TIME_FILTER_MIN_VERSION) ? `lt:${cinderTimeFilter(scope.stuckBefore)}` : undefined;
  const volumes = (status: string, createdAt?: string) => listVolumes(session, { status, allProjects, createdAt });

  const tasks: Task[] = [
    { what: 'services', run: async () => void (state.services = await listServices(session)) },
    { what: 'pools', run: async () => void (state.pools = await listPools(session)) },
    ...VOLUME_TRANSITIONAL.map((status) => ({
      what: `volumes in ${status}`,
      run: async () => void state.stuckVolumes.push(...(await volumes(status, createdBefore)).filter(stuck)),
    })),
    ...VOLUME_ERROR.map((status) => ({
      what: `volumes in ${status}`,
      run: async () => void state.errorVolumes.push(...(await volumes(status))),
    })),
    ...SNAPSHOT_TRANSITIONAL.map((status) => ({
      what: `snapshots in ${status}`,
      run: async () => void state.stuckSnapshots.push(...(await listSnapshots(session, { status, allProjects })).filter(stuck)),
    })),
    ...SNAPSHOT_ERROR.map((status) => ({
      what: `snapshots in ${status}`,
      run: async () => void state.errorSnapshots.push(...(await listSnapshots(session, { status, allProjects }))),
    })),
    ...BACKUP_TRANSITIONAL.map((status) => ({
      what: 'backups',
      optional: true,
      run: async () => void state.stuckBackups.push(...(await listBackups(session, { status, allProjects })).filter(stuck)),
    })),
    ...BACKUP_ERROR.map((status) => ({
      what: 'backups',
      optional: true,
      run: async () => void state.errorBackups.push(...(await listBackups(session, { status, allProjects }))),
    })),
  ];
  if (session.supports(CLUSTERS_MIN_VERSION)) {
    tasks.push({ what: 'clusters', optional: true, run: async () => void (state.clusters = await listClusters(session)) });
  } else {
    state.skipped.push({ what: 'clusters', reason: `the server speaks ${CLUSTERS_MIN_VERSION}+ only` });
  }
  if (session.supports(ATTACHMENTS_MICROVERSION)) {
    for (const status of ATTACHMENT_UNFINISHED) {
      tasks.push({
        what: 'attachments',
        optional: true,
        run: async () => void state.unfinishedAttachments.push(...(await listAttachments(session, { status, allProjects }))),
      });
    }
  } else {
    state.skipped.push({ what: 'attachments', reason: `the attachments API needs microversion ${ATTACHMENTS_MICROVERSION}` });
  }

  await runAll(tasks, state);
  if (state.errorVolumes.length) await addLastMessages(session, state);
  return state;
}

/** One listing; an optional one (a service a cloud may not run, an API an old server lacks) may be refused. */
interface Task {
  what: string;
  optional?: boolean;
  run: () => Promise<void>;
}

/**
 * Runs the listings. An optional one the API refuses is skipped (and the
 * caller says why); any other failure fails the command: a status that
 * could not read services or volumes must never pass for a healthy one.
 */
async function runAll(tasks: Task[], state: CloudState): Promise<void> {
  const results = await mapSettledBounded(tasks, CONCURRENCY, (task) => task.run());
  const failure = results.find((result, index) => result.status === 'rejected' && !(tasks[index]!.optional && result.reason instanceof ApiError));
  if (failure) throw (failure as PromiseRejectedResult).reason;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') return;
    const { what } = tasks[index]!;
    if (state.skipped.some((skipped) => skipped.what === what)) return;
    state.skipped.push({ what, reason: `${result.reason.serverMessage} (HTTP ${result.reason.status})` });
  });
}

/**
 * One listing of the volume messages, newest first; the first one seen for
 * each volume in error is its explanation.
 */
async function addLastMessages(session: CinderSession, state: CloudState): Promise<void> {
  if (!session.supports(MESSAGES_MIN_VERSION)) return;
  const wanted = new Set(state.errorVolumes.map((volume) => volume.id));
  try {
    const messages = await listMessages(session, { resourceType: 'VOLUME' });
    for (const message of messages) {
      const id = message.resource_uuid;
      if (id && wanted.has(id) && !state.lastMessages.has(id)) state.lastMessages.set(id, message);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    state.skipped.push({ what: 'messages', reason: `${error.serverMessage} (HTTP ${error.status})` });
  }
}
