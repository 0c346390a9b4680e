import { basename } from 'node:path';
import { getVolume, listVolumes } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume, VolumeAttachment } from '../../api/resources/volumes.js';
import { ApiError } from '../../http/errors.js';
import type { Connector } from '../../host/connector.js';
import type { HostPresence } from '../../host/connectors/protocol.js';
import { connectorFor } from '../../host/connectors/select.js';
import type { DeviceProbe } from '../../host/device-probe.js';
import { listHostAttachments, sameTarget, type HostAttachment } from '../../host/host-attachments.js';
import type { CommandRunner } from '../../host/runner.js';
import type { CacheIdentity } from '../../state/connection-entry.js';
import type { ConnectionStore } from '../../state/connections.js';
import { quoteShellWord } from '../../host/shell-words.js';
import { targetSummary } from '../views/connection.js';
import type { CachedConnection } from './connect-entry.js';

/**
 * `connection check`: the three views of this host's attachments side by
 * side — the cache (what ucinder recorded), the host (sessions, maps,
 * subsystems and their devices) and Cinder (the volume, its backend, its
 * attachments) — and one finding per disagreement, with the ucinder command
 * that resolves it. Nothing is changed here (connection-repair.ts does that).
 */

/** Stable identifiers, for monitoring: `-f json` keys and these values do not change. */
type CheckName = 'device-missing' | 'paths-missing' | 'device-not-recorded' | 'not-cached' | 'volume-deleted' | 'exported-elsewhere' | 'in-use-not-attached' | 'cache-damaged';

/** What `--fix` may do: safe repairs always, the rest only with --yes; some need a person. */
export type Repair = 'safe' | 'needs --yes' | 'manual';

export interface Finding {
  check: CheckName;
  volumeId: string;
  name: string;
  protocol: string;
  target: string;
  /** The device on the host, else the one the cache recorded. */
  device: string;
  problem: string;
  /** The ucinder command(s) that resolve it. */
  fix: string;
  repair: Repair;
  /** For the repair: the cache entry, what the host shows, what Cinder has. */
  cached?: CachedConnection;
  onHost?: HostAttachment;
  volume?: Volume;
  attachment?: VolumeAttachment;
}

interface CheckInputs {
  store: ConnectionStore;
  runner: CommandRunner;
  probe: DeviceProbe;
  session: CinderSession;
  identity: CacheIdentity;
  /** This host's name as a connector sends it (the hostname): whose attachments are ours. */
  hostname: string;
  warn: (message: string) => void;
}

interface CheckResult {
  findings: Finding[];
  /** Cache entries and host attachments looked at, for the summary line. */
  cachedCount: number;
  onHostCount: number;
}

/** GET the volume; undefined when Cinder says it does not exist. */
async function volumeOrGone(session: CinderSession, id: string): Promise<Volume | undefined> {
  try {
    return await getVolume(session, id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

const quoted = quoteShellWord;

/** Attachments Nova made (to an instance): never ucinder's to manage, even on this host. */
function isInstanceAttachment(attachment: VolumeAttachment): boolean {
  return Boolean(attachment.server_id);
}

export async function checkConnections(inputs: CheckInputs): Promise<CheckResult> {
  const { store, session, identity, probe } = inputs;
  const files = await store.list();
  const onHost = await listHostAttachments(inputs.runner, probe);
  const hostNames = new Set([inputs.hostname, ...files.flatMap((file) => (file.entry?.connector.host ? [String(file.entry.connector.host)] : []))]);
  const findings: Finding[] = [];
  const claimed = new Set<HostAttachment>();
  /** Volumes with a device record: their absence is already device-missing. */
  const recorded = new Set<string>();
  /** Cached volumes with something on this host. */
  const attachedHere = new Set<string>();
  const otherClouds = new Set<string>();

  for (const file of files) {
    if (!file.entry) {
      findings.push({
        check: 'cache-damaged',
        volumeId: '',
        name: basename(file.path),
        protocol: '',
        target: '',
        device: '',
        problem: file.problem ?? 'unreadable',
        fix: `rm ${quoted(file.path)}  (then init-connect the volume again)`,
        repair: 'manual',
      });
      continue;
    }
    const cached = { path: file.path, entry: file.entry };
    const { entry } = cached;
    const matches = onHost.filter((attachment) => sameTarget(attachment, entry.connection.driver_volume_type, entry.data));
    for (const attachment of matches) claimed.add(attachment);
    if (entry.device) recorded.add(entry.volume.id);
    let presence: HostPresence;
    try {
      presence = await connectorFor(entry.connection.driver_volume_type).onHost(entry.data, entry.connector as Connector, probe);
    } catch (error) {
      inputs.warn(`volume '${entry.volume.name}': host side not checked: ${(error as Error).message}`);
      continue;
    }
    const ours = entry.volume.endpoint === identity.endpoint && entry.volume.project === identity.project;
    if (!ours) otherClouds.add(`${entry.volume.endpoint} project ${entry.volume.project}`);
    if (presence.device || matches.length > 0) attachedHere.add(entry.volume.id);
    const finding = entryFinding(cached, presence, matches, ours ? await volumeOrGone(session, entry.volume.id) : 'unchecked', hostNames);
    if (finding) findings.push(finding);
  }
  if (otherClouds.size > 0) {
    inputs.warn(`cache entries of ${[...otherClouds].join(', ')} are checked on the host only: Cinder's view needs that cloud's credentials`);
  }

  const ownedByInstances = new Set<string>();
  for (const attachment of onHost.filter((candidate) => !claimed.has(candidate))) {
    const volume = await volumeOrGone(session, attachment.volumeId);
    // A namespace uuid alone is no proof the target is Cinder's: only when Cinder knows it.
    if (!volume && attachment.idFrom === 'namespace') continue;
    if (volume && (volume.attachments ?? []).some((item) => isInstanceAttachment(item) && hostNames.has(String(item.host_name)))) {
      ownedByInstances.add(volume.id);
      continue;
    }
    findings.push(uncachedFinding(attachment, volume));
  }

  for (const volume of await listVolumes(session, { status: 'in-use' })) {
    if (recorded.has(volume.id) || attachedHere.has(volume.id) || ownedByInstances.has(volume.id)) continue;
    if (onHost.some((attachment) => attachment.volumeId === volume.id)) continue;
    for (const attachment of volume.attachments ?? []) {
      if (isInstanceAttachment(attachment) || !hostNames.has(String(attachment.host_name))) continue;
      const attachmentId = attachment.attachment_id ?? attachment.id ?? '';
      findings.push({
        check: 'in-use-not-attached',
        volumeId: volume.id,
        name: volume.name || volume.id,
        protocol: '',
        target: '',
        device: attachment.device ?? '',
        problem: `Cinder has it in-use on ${attachment.host_name} (attachment ${attachmentId}), but nothing of it is attached to this host`,
        fix: `ucinder volume attachment delete ${attachmentId}`,
        repair: 'needs --yes',
        volume,
        attachment,
      });
    }
  }
  return { findings, cachedCount: files.length, onHostCount: onHost.length };
}

/** At most one finding per cache entry, the most fundamental first. */
function entryFinding(
  cached: CachedConnection,
  presence: HostPresence,
  matches: HostAttachment[],
  volume: Volume | undefined | 'unchecked',
  hostNames: Set<string>,
): Finding | undefined {
  const { entry } = cached;
  const name = entry.volume.name;
  const hostDevice = presence.device ?? matches.find((attachment) => attachment.device)?.device;
  const base = {
    volumeId: entry.volume.id,
    name,
    protocol: entry.connection.driver_volume_type,
    target: targetSummary(entry),
    device: hostDevice ?? entry.device?.path ?? '',
    cached,
    ...(matches[0] ? { onHost: matches[0] } : {}),
  };
  const onThisHost = hostDevice !== undefined || matches.length > 0;
  if (volume === undefined) {
    return {
      ...base,
      check: 'volume-deleted',
      problem: onThisHost ? 'deleted in Cinder, but still attached here' : 'deleted in Cinder; the cache entry is left over',
      fix: onThisHost ? `ucinder disconnect ${quoted(name)} && ucinder term-connect ${quoted(name)} --force` : `ucinder term-connect ${quoted(name)} --force`,
      repair: onThisHost ? 'needs --yes' : 'safe',
    };
  }
  if (volume !== 'unchecked') {
    const elsewhere = exportedElsewhere(entry.volume.backend, volume, hostNames);
    if (elsewhere) {
      return {
        ...base,
        check: 'exported-elsewhere',
        volume,
        problem: `${elsewhere}: the cached connection is stale${onThisHost ? ', and still attached here' : ''}`,
        fix: onThisHost
          ? `ucinder disconnect ${quoted(name)} && ucinder term-connect ${quoted(name)}`
          : `ucinder term-connect ${quoted(name)}  (then init-connect again if this host should have it)`,
        repair: 'needs --yes',
      };
    }
  }
  if (entry.device && presence.paths.length === 0) {
    const why = entry.device.stopped_at ? `taken away by disconnect --all at ${entry.device.stopped_at}` : 'gone (a reboot?)';
    return {
      ...base,
      check: 'device-missing',
      problem: `cached as ${entry.device.attached ? 'attached' : 'connected'}, but its device is ${why}`,
      fix: `ucinder connect ${quoted(name)}`,
      repair: 'safe',
    };
  }
  if (entry.device && presence.paths.length < presence.expected) {
    return {
      ...base,
      check: 'paths-missing',
      problem: `${presence.paths.length} of ${presence.expected} paths are there (multipath); the others' sessions are down`,
      fix: `ucinder connect ${quoted(name)}`,
      repair: 'safe',
    };
  }
  if (!entry.device && hostDevice) {
    return { ...base, check: 'device-not-recorded', problem: 'attached here, but the cache says only initialized', fix: `ucinder connect ${quoted(name)}`, repair: 'safe' };
  }
  return undefined;
}

/**
 * Why the cached export is stale, if it is: the volume has moved to another
 * backend since init-connect (migrate, retype), or Cinder has it attached
 * to other hosts only (and it is no multiattach volume).
 */
function exportedElsewhere(cachedBackend: string | undefined, volume: Volume, hostNames: Set<string>): string | undefined {
  const backend = volume['os-vol-host-attr:host'];
  if (cachedBackend && typeof backend === 'string' && backend && backend !== cachedBackend) {
    return `Cinder now exports it from ${backend}, not ${cachedBackend} as cached`;
  }
  const attachedTo = (volume.attachments ?? []).map((attachment) => String(attachment.host_name ?? attachment.server_id ?? '?'));
  if (!volume.multiattach && attachedTo.length > 0 && !attachedTo.some((host) => hostNames.has(host))) {
    return `Cinder has it attached to ${[...new Set(attachedTo)].join(', ')}`;
  }
  return undefined;
}

/** The command that takes a host attachment nobody cached off the host. */
export function hostDropCommand(attachment: HostAttachment): string {
  return attachment.device ? `ucinder disconnect --device ${quoted(attachment.device)}` : `ucinder disconnect ${attachment.volumeId}`;
}

function uncachedFinding(attachment: HostAttachment, volume: Volume | undefined): Finding {
  const device = attachment.device ?? '';
  const drop = hostDropCommand(attachment);
  const base = {
    check: 'not-cached' as const,
    volumeId: attachment.volumeId,
    protocol: attachment.protocol,
    target: attachment.portals.length ? `${attachment.portals.join(',')} ${attachment.target}` : attachment.target,
    device,
    onHost: attachment,
  };
  if (!volume) {
    return { ...base, name: '', problem: 'attached here, but no cache entry records it and Cinder has no such volume', fix: drop, repair: 'needs --yes' };
  }
  const multipath = attachment.portals.length > 1 ? ' --multipath' : '';
  return {
    ...base,
    name: volume.name || volume.id,
    volume,
    problem: 'attached here, but no cache entry records it',
    fix: `ucinder init-connect ${volume.id}${multipath}  (rebuilds the entry from Cinder); or ${drop}`,
    repair: 'safe',
  };
}

/** The row of a finding, with what --fix did (empty without --fix). */
export function findingRow(finding: Finding, result: string): string[] {
  return [finding.check, finding.volumeId, finding.name, finding.protocol, finding.target, finding.device, finding.problem, finding.fix, finding.repair, result];
}
