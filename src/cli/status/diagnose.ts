import type { Attachment } from '../../api/resources/attachments.js';
import type { Backup } from '../../api/resources/backups.js';
import type { Cluster } from '../../api/resources/clusters.js';
import type { Message } from '../../api/resources/messages.js';
import type { Pool } from '../../api/resources/pools.js';
import type { Snapshot } from '../../api/resources/snapshots.js';
import type { Service } from '../../api/resources/services.js';
import type { Volume } from '../../api/resources/volumes.js';
import { formatAge, parseCinderTime } from './duration.js';
import { lastChange, type CloudState } from './gather.js';
import { fixOf, type Problem } from './problem.js';

type Fix = ReturnType<typeof fixOf>;

/**
 * Turns what `gatherCloudState` read into problems, each naming the ucinder
 * command that addresses it. Pure: the clock comes in as `now`.
 */
/** `status --stuck-after` and `--pool-threshold` unless given, and what `top`'s overview uses. */
export const DEFAULT_STUCK_AFTER = '10m';
export const DEFAULT_POOL_THRESHOLD = '90';

interface DiagnoseSettings {
  now: number;
  poolThresholdPercent: number;
}

export function diagnose(state: CloudState, settings: DiagnoseSettings): Problem[] {
  const downHosts = new Set(state.services.filter((service) => service.state === 'down').map((service) => service.host));
  const attachmentsByVolume = new Map<string, string[]>();
  for (const attachment of state.unfinishedAttachments) {
    attachmentsByVolume.set(attachment.volume_id, [...(attachmentsByVolume.get(attachment.volume_id) ?? []), attachment.id]);
  }
  return [
    ...state.services.flatMap((service) => serviceProblems(service, settings.now)),
    ...state.clusters.flatMap((cluster) => clusterProblems(cluster, state.services)),
    ...state.pools.flatMap((pool) => poolProblems(pool, settings.poolThresholdPercent)),
    ...state.stuckVolumes.map((volume) => stuckVolume(volume, downHosts, attachmentsByVolume.get(volume.id) ?? [], settings.now)),
    ...state.errorVolumes.map((volume) => errorVolume(volume, state)),
    ...state.stuckSnapshots.map((snapshot) => stuckSnapshot(snapshot, settings.now)),
    ...state.errorSnapshots.map(errorSnapshot),
    ...state.stuckBackups.map((backup) => stuckBackup(backup, settings.now)),
    ...state.errorBackups.map(errorBackup),
    ...staleAttachments(state),
  ];
}

function iso(value: string | null | undefined): string | null {
  const time = parseCinderTime(value);
  return time === undefined ? null : new Date(time).toISOString();
}

function age(value: string | null | undefined, now: number): string {
  const time = parseCinderTime(value);
  return time === undefined ? 'for an unknown time' : `for ${formatAge((now - time) / 1000)}`;
}

function sinceOf(resource: { updated_at?: string | null; created_at?: string }): string | null {
  const changed = lastChange(resource);
  return changed === undefined ? null : new Date(changed).toISOString();
}

// ---------------------------------------------------------------- services, clusters, pools

function serviceProblems(service: Service, now: number): Problem[] {
  const id = `${service.binary}@${service.host}`;
  const base = { resource: 'service' as const, id, name: null };
  const problems: Problem[] = [];
  if (service.state === 'down') {
    const volumeService = service.binary === 'cinder-volume';
    problems.push({
      ...base,
      severity: 'error',
      check: 'service-down',
      problem:
        `${service.binary} on ${service.host} is down ${age(service.updated_at, now)} (last heartbeat ${service.updated_at ?? 'never'})` +
        (service.status === 'disabled' ? `; disabled: ${service.disabled_reason ?? 'no reason given'}` : ''),
      since: iso(service.updated_at),
      ...fixOf(...(volumeService ? [['block', 'storage', 'cleanup', '--host', service.host], '; '] : []), 'if the node is gone for good: ', [
        'volume',
        'service',
        'remove',
        service.binary,
        service.host,
      ]),
    });
  } else if (service.status === 'disabled') {
    problems.push({
      ...base,
      severity: 'warning',
      check: 'service-disabled',
      problem: `${service.binary} on ${service.host} is disabled: ${service.disabled_reason || 'no reason given'}`,
      since: null,
      ...fixOf(['volume', 'service', 'set', '--enable', service.host, service.binary]),
    });
  }
  if (service.backend_state === 'down') {
    problems.push({
      ...base,
      severity: 'error',
      check: 'backend-down',
      problem: `the storage backend of ${service.host} reports itself down: new volumes there fail`,
      since: null,
      ...fixOf(['volume', 'backend', 'pool', 'list', '--long'], '; then the storage itself'),
    });
  }
  problems.push(...replicationProblems(service, 'service', id, service.host, service.cluster ?? null, [service.host]));
  return problems;
}

/** Frozen, failed over, or a failover that failed: on a service (host) or a cluster. */
function replicationProblems(
  subject: { frozen?: boolean; replication_status?: string | null; active_backend_id?: string | null },
  resource: 'service' | 'cluster',
  id: string,
  host: string,
  cluster: string | null,
  /** The volume services' hosts: a cluster is thawed through one of its hosts. */
  hosts: readonly string[],
): Problem[] {
  // A clustered service shares its cluster's replication state: reported once, on the cluster.
  if (resource === 'service' && cluster) return [];
  const target = resource === 'cluster' ? ['--cluster', host] : [host];
  const base = { resource, id, name: null, since: null };
  const problems: Problem[] = [];
  if (subject.frozen) {
    problems.push({
      ...base,
      severity: 'warning',
      check: 'frozen',
      problem: `${resource} ${host} is frozen: Cinder refuses management operations on its volumes`,
      ...(hosts.length
        ? fixOf(['volume', 'host', 'set', '--enable', hosts[0]!])
        : fixOf(`no host of cluster ${host} is up; its hosts: `, ['volume', 'service', 'list', '--long'], '; then thaw one with volume host set --enable')),
    });
  }
  if (subject.replication_status === 'failed-over' || (subject.active_backend_id && subject.active_backend_id !== 'default')) {
    problems.push({
      ...base,
      severity: 'warning',
      check: 'failed-over',
      problem: `${resource} ${host} runs on its replication target ${subject.active_backend_id ?? '(unknown)'} (replication status ${subject.replication_status ?? 'unknown'})`,
      ...fixOf('when the primary is back: ', ['volume', 'host', 'failover', ...target, '--volume-backend', 'default']),
    });
  }
  if (subject.replication_status === 'failover-error' || subject.replication_status === 'error') {
    problems.push({
      ...base,
      severity: 'error',
      check: 'replication-error',
      problem: `${resource} ${host}: replication status ${subject.replication_status}`,
      ...fixOf(`read the volume service's log on ${host}; to go back to the primary: `, ['volume', 'host', 'failover', ...target, '--volume-backend', 'default']),
    });
  }
  return problems;
}

function clusterProblems(cluster: Cluster, services: readonly Service[]): Problem[] {
  const id = `${cluster.binary}@${cluster.name}`;
  const problems: Problem[] = [];
  const down = cluster.num_down_hosts ?? 0;
  if (down > 0) {
    const all = down >= (cluster.num_hosts ?? down);
    problems.push({
      severity: all ? 'error' : 'warning',
      check: 'cluster-hosts-down',
      resource: 'cluster',
      id,
      name: cluster.name,
      problem:
        `${down} of ${cluster.num_hosts ?? '?'} hosts of cluster ${cluster.name} (${cluster.binary}) are down` +
        (all ? ': nothing serves its volumes' : '; the others took over its work'),
      since: iso(cluster.last_heartbeat),
      ...fixOf(['block', 'storage', 'cleanup', '--cluster', cluster.name, '--down'], '; then ', ['block', 'storage', 'cluster', 'list', '--long']),
    });
  }
  const hosts = services.filter((service) => service.cluster === cluster.name && service.binary === cluster.binary && service.state === 'up').map((service) => service.host);
  problems.push(...replicationProblems(cluster, 'cluster', id, cluster.name, null, hosts));
  return problems;
}

function numberOf(value: number | string | undefined): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function poolProblems(pool: Pool, thresholdPercent: number): Problem[] {
  const total = numberOf(pool.capabilities?.total_capacity_gb);
  const free = numberOf(pool.capabilities?.free_capacity_gb);
  // 'infinite' and 'unknown' capacities cannot fill up, as far as anyone can tell.
  if (total === undefined || free === undefined || total <= 0) return [];
  const used = ((total - free) / total) * 100;
  if (used < thresholdPercent) return [];
  return [
    {
      severity: used >= 100 ? 'error' : 'warning',
      check: 'pool-full',
      resource: 'pool',
      id: pool.name,
      name: null,
      problem: `pool ${pool.name} is ${used.toFixed(1)}% full (${free} of ${total} GiB free; threshold ${thresholdPercent}%)`,
      since: null,
      ...fixOf('pools with room: ', ['volume', 'backend', 'pool', 'list', '--long'], '; then move volumes there with volume migrate --host POOL'),
    },
  ];
}

// ---------------------------------------------------------------- volumes, snapshots, backups

/** What to run for a volume stuck in each status (database resets: check the backend first). */
const VOLUME_STUCK_FIX: Record<string, (id: string) => Fix> = {
  creating: (id) => fixOf(['volume', 'set', '--state', 'error', id], '; then ', ['volume', 'delete', id]),
  deleting: (id) => fixOf(['volume', 'delete', '--force', id]),
  // No unfinished attachment was found (they are named instead when there are).
  attaching: (id) =>
    fixOf('its attachments: ', ['volume', 'attachment', 'list', '--volume', id], '; if none is left: ', ['volume', 'set', '--state', 'available', '--detached', id]),
  reserved: (id) =>
    fixOf('its attachments: ', ['volume', 'attachment', 'list', '--volume', id], '; if none is left: ', ['volume', 'set', '--state', 'available', '--detached', id]),
  detaching: (id) => fixOf(['volume', 'set', '--state', 'in-use', id]),
  maintenance: (id) => fixOf(['volume', 'set', '--state', 'available', '--migration-status', 'none', id]),
};
const resetToAvailable = (id: string) => fixOf(['volume', 'set', '--state', 'available', id]);

function stuckVolume(volume: Volume, downHosts: Set<string>, unfinishedAttachments: string[], now: number): Problem {
  const host = backendHost(volume['os-vol-host-attr:host']);
  const deadHost = host !== undefined && downHosts.has(host);
  const since = sinceOf(volume);
  // An attach that never finished is undone by deleting its attachment, which returns the volume to its previous status.
  const fix = deadHost
    ? fixOf(['block', 'storage', 'cleanup', '--host', host])
    : unfinishedAttachments.length && (volume.status === 'reserved' || volume.status === 'attaching')
      ? fixOf(['volume', 'attachment', 'delete', ...unfinishedAttachments])
      : (VOLUME_STUCK_FIX[volume.status] ?? resetToAvailable)(volume.id);
  return {
    severity: 'error',
    check: 'volume-stuck',
    resource: 'volume',
    id: volume.id,
    name: volume.name,
    problem: `volume stuck in ${volume.status} ${age(since, now)}` + (host ? ` on ${host}` : '') + (deadHost ? ' (its volume service is down)' : ''),
    since,
    ...fix,
  };
}

/** host@backend#pool → host@backend, the volume service's host. */
function backendHost(host: string | null | undefined): string | undefined {
  return host ? host.split('#')[0] : undefined;
}

/**
 * A volume in error: the non-destructive fix first. Only a volume whose data
 * never came to be (never scheduled to a backend, or its creation failed
 * there) is deleted outright; any other (a failed extend or retype, a state
 * reset by hand) keeps its data on the backend, so it is set available once
 * the backend has been checked, and deleted only if the data is lost.
 */
function errorVolumeFix(volume: Volume, message: Message | undefined): Fix {
  const id = volume.id;
  const host = backendHost(volume['os-vol-host-attr:host']);
  switch (volume.status) {
    case 'error_deleting':
      return fixOf(['volume', 'delete', '--force', id]);
    case 'error_restoring':
      return fixOf('the restore did not finish; restore the backup again or: ', ['volume', 'delete', id]);
    case 'error_managing':
      return fixOf('the backend volume stays where it was; ', ['volume', 'delete', id]);
    case 'error_extending':
      return fixOf('the size did not change: ', ['volume', 'set', '--state', 'available', id]);
  }
  if (volume['os-vol-host-attr:host'] === null) return fixOf('it never reached a backend; ', ['volume', 'delete', id]);
  if (message && CREATION_ACTIONS.has(actionOf(message))) return fixOf('its creation failed; ', ['volume', 'delete', id]);
  return fixOf(`check its data on the backend${host ? ` ${host}` : ''}; if intact: `, ['volume', 'set', '--state', 'available', id], '; only if lost: ', ['volume', 'delete', id]);
}

/**
 * Cinder's message actions (cinder/message/message_field.py) after which a
 * volume holds no data: schedule allocate volume, copy image to volume,
 * create volume from backend storage.
 */
const CREATION_ACTIONS = new Set(['001', '005', '008']);
const CREATION_TEXTS: readonly [string, string][] = [
  ['schedule allocate volume', '001'],
  ['copy image to volume', '005'],
  ['create volume from backend storage', '008'],
];

/** A message's action: its event ID is VOLUME_<resource>_<action>_<detail>; else the action's words that start its text. */
function actionOf(message: Message): string {
  const fromEvent = /^VOLUME_[A-Z_]+?_(\d{3})_\d{3}$/.exec(message.event_id ?? '')?.[1];
  if (fromEvent) return fromEvent;
  return CREATION_TEXTS.find(([text]) => (message.user_message ?? '').startsWith(text))?.[1] ?? '';
}

function errorVolume(volume: Volume, state: CloudState): Problem {
  const message = state.lastMessages.get(volume.id);
  return {
    severity: 'notice',
    check: 'volume-error',
    resource: 'volume',
    id: volume.id,
    name: volume.name,
    problem: `volume in ${volume.status}` + (message ? `: ${message.user_message}` : ''),
    since: sinceOf(volume),
    ...errorVolumeFix(volume, message),
  };
}

const SNAPSHOT_STUCK_FIX: Record<string, string> = { creating: 'error', deleting: 'error', 'backing-up': 'available', restoring: 'available', unmanaging: 'available' };

function stuckSnapshot(snapshot: Snapshot, now: number): Problem {
  const since = sinceOf(snapshot);
  const reset = SNAPSHOT_STUCK_FIX[snapshot.status] ?? 'available';
  return {
    severity: 'error',
    check: 'snapshot-stuck',
    resource: 'snapshot',
    id: snapshot.id,
    name: snapshot.name,
    problem: `snapshot of volume ${snapshot.volume_id} stuck in ${snapshot.status} ${age(since, now)}`,
    since,
    ...fixOf(['volume', 'snapshot', 'set', '--state', reset, snapshot.id], ...(reset === 'error' ? ['; then ', ['volume', 'snapshot', 'delete', snapshot.id]] : [])),
  };
}

function errorSnapshot(snapshot: Snapshot): Problem {
  return {
    severity: 'notice',
    check: 'snapshot-error',
    resource: 'snapshot',
    id: snapshot.id,
    name: snapshot.name,
    problem: `snapshot of volume ${snapshot.volume_id} in ${snapshot.status}`,
    since: sinceOf(snapshot),
    ...fixOf(['volume', 'snapshot', 'delete', ...(snapshot.status === 'error_deleting' ? ['--force'] : []), snapshot.id]),
  };
}

function stuckBackup(backup: Backup, now: number): Problem {
  const since = sinceOf(backup);
  return {
    severity: 'error',
    check: 'backup-stuck',
    resource: 'backup',
    id: backup.id,
    name: backup.name,
    problem: `backup of volume ${backup.volume_id ?? '?'} stuck in ${backup.status} ${age(since, now)}`,
    since,
    ...fixOf(['volume', 'backup', 'set', '--state', 'error', backup.id], '; then ', ['volume', 'backup', 'delete', backup.id]),
  };
}

function errorBackup(backup: Backup): Problem {
  return {
    severity: 'notice',
    check: 'backup-error',
    resource: 'backup',
    id: backup.id,
    name: backup.name,
    problem: `backup of volume ${backup.volume_id ?? '?'} in error` + (typeof backup.fail_reason === 'string' ? `: ${backup.fail_reason}` : ''),
    since: sinceOf(backup),
    ...fixOf(['volume', 'backup', 'delete', backup.id]),
  };
}

// ---------------------------------------------------------------- attachments

/**
 * Attachments have no timestamps of their own while unfinished: one counts
 * as stale when its volume is stuck (reserved/attaching/detaching past the
 * cut-off), or when it ended in error_attaching/error_detaching.
 */
function staleAttachments(state: CloudState): Problem[] {
  const stuckVolumes = new Map(state.stuckVolumes.map((volume) => [volume.id, volume]));
  return state.unfinishedAttachments.flatMap((attachment: Attachment): Problem[] => {
    const failed = attachment.status.startsWith('error');
    const volume = stuckVolumes.get(attachment.volume_id);
    if (!failed && !volume) return [];
    const server = attachment.instance ? `server ${attachment.instance}` : 'no server';
    return [
      {
        severity: 'error',
        check: failed ? 'attachment-error' : 'attachment-stale',
        resource: 'attachment',
        id: attachment.id,
        name: null,
        problem: failed
          ? `attachment of volume ${attachment.volume_id} to ${server} ended in ${attachment.status}`
          : `attachment of volume ${attachment.volume_id} to ${server} stayed ${attachment.status}; the volume is stuck in ${volume!.status}`,
        since: volume ? sinceOf(volume) : null,
        ...fixOf(['volume', 'attachment', 'delete', attachment.id]),
      },
    ];
  });
}
