import { ATTACHMENTS_MICROVERSION, deleteAttachment, detachVolume, initializeConnection } from '../../api/resources/attachments.js';
import type { CinderSession } from '../../api/session.js';
import { UcinderError } from '../../errors.js';
import { buildConnector, type Connector } from '../../host/connector.js';
import type { AttachContext } from '../../host/connectors/protocol.js';
import { connectorFor } from '../../host/connectors/select.js';
import { sameTarget, type HostAttachment } from '../../host/host-attachments.js';
import type { Confirmer } from '../../output/confirm.js';
import type { CacheIdentity, ConnectionEntry } from '../../state/connection-entry.js';
import type { ConnectionStore } from '../../state/connections.js';
import type { Factory } from '../factory.js';
import { targetSummary } from '../views/connection.js';
import { connectCached } from './connect-entry.js';
import { hostDropCommand, type Finding } from './connection-check.js';
import { detachFromHost } from './disconnect-entry.js';
import { newEntry } from './new-entry.js';
import { terminateCached } from './terminate.js';

/**
 * `connection check --fix`: the repair of each finding. Safe ones (log in
 * again, rebuild an entry from Cinder, drop the entry of a deleted volume)
 * always; those that could lose data (taking a device off the host, detaching
 * in Cinder) only with --yes, or a yes at the terminal.
 */

export interface RepairInputs {
  f: Factory;
  store: ConnectionStore;
  context: AttachContext;
  session: CinderSession;
  identity: CacheIdentity;
  /** The connector's host for a rebuilt entry (--host); default this hostname. */
  host?: string;
  yes: boolean;
  confirm: Confirmer;
}

export type RepairStatus = 'fixed' | 'not fixed' | 'failed';

export interface RepairOutcome {
  status: RepairStatus;
  /** What was done, for the Result column. */
  result: string;
}

export async function repairFinding(finding: Finding, inputs: RepairInputs): Promise<RepairOutcome> {
  if (finding.repair === 'manual') return { status: 'not fixed', result: 'not fixed: needs a person (see Fix)' };
  if (finding.repair === 'needs --yes' && !inputs.yes) {
    const asked = inputs.confirm.interactive && (await inputs.confirm.ask(`${finding.name || finding.volumeId}: ${finding.problem}. Run the fix (${finding.fix})?`));
    if (!asked) return { status: 'not fixed', result: 'not fixed: could lose data, needs --yes' };
  }
  try {
    return { status: 'fixed', result: `fixed: ${await act(finding, inputs)}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', result: `failed: ${message}` };
  }
}

async function act(finding: Finding, inputs: RepairInputs): Promise<string> {
  const { f, store, context, session } = inputs;
  const { cached, onHost } = finding;
  switch (finding.check) {
    case 'device-missing':
    case 'paths-missing':
    case 'device-not-recorded': {
      const { entry, already } = await connectCached(f, store, cached!, context);
      if (already) return `back by itself at ${entry.device?.path}; nothing to do`;
      const paths = entry.device?.paths.length ?? 0;
      return `connected at ${entry.device?.path}${paths > 1 ? ` (${paths} paths)` : ''}`;
    }
    case 'not-cached':
      if (!finding.volume) {
        await detachFromHost(onHost!, context);
        return 'disconnected from this host';
      }
      return rebuildEntry(finding, inputs);
    case 'volume-deleted': {
      const { entry } = cached!;
      if (finding.repair === 'needs --yes') {
        await connectorFor(entry.connection.driver_volume_type).detach(entry.data, entry.connector as Connector, finding.device || entry.device?.path, context);
      }
      await store.update(cached!.path, () => null);
      return finding.repair === 'needs --yes' ? 'disconnected from this host, cache entry dropped' : 'cache entry dropped';
    }
    case 'exported-elsewhere': {
      const { entry } = cached!;
      if (finding.device || onHost) {
        await connectorFor(entry.connection.driver_volume_type).detach(entry.data, entry.connector as Connector, finding.device || entry.device?.path, context);
      }
      await terminateCached(session, entry);
      await store.update(cached!.path, () => null);
      return `${finding.device || onHost ? 'disconnected from this host, ' : ''}connection terminated in Cinder, cache entry dropped`;
    }
    case 'in-use-not-attached': {
      const attachmentId = finding.attachment?.attachment_id ?? finding.attachment?.id;
      if (!attachmentId) throw new UcinderError('Cinder gave no attachment id to detach');
      // The attachments API also ends the export on the backend; os-detach is all older servers have.
      if (session.supports(ATTACHMENTS_MICROVERSION)) await deleteAttachment(session, attachmentId);
      else await detachVolume(session, finding.volumeId, attachmentId);
      return `detached in Cinder (attachment ${attachmentId})`;
    }
    case 'cache-damaged':
      throw new UcinderError('a damaged file needs a person');
  }
}

/**
 * A session nobody cached: os-initialize_connection with this host's
 * connector gives the connection info again (Cinder exports a volume to the
 * same connector the same way), so the entry is written anew, with the
 * device the host shows — but only when that answer names the target the
 * host is attached to; otherwise the session belongs to an older export.
 */
async function rebuildEntry(finding: Finding, inputs: RepairInputs): Promise<string> {
  const { f, store, session, identity, host } = inputs;
  const volume = finding.volume!;
  const onHost: HostAttachment = finding.onHost!;
  const connector = await buildConnector({ multipath: onHost.portals.length > 1, host }, await f.hostFacts());
  const info = await initializeConnection(session, volume.id, connector);
  if (!info?.driver_volume_type) throw new UcinderError(`Cinder returned no connection info for volume '${volume.name || volume.id}'`);
  const entry: ConnectionEntry = newEntry(volume, identity, connector, info, { api: 'legacy', now: f.deps.now?.() ?? Date.now() });
  if (!sameTarget(onHost, info.driver_volume_type, info.data ?? {})) {
    throw new UcinderError(
      `Cinder now exports it as ${targetSummary(entry) || info.driver_volume_type}, but the host is attached to ${onHost.target}: an older export; take it off with ${hostDropCommand(onHost)}`,
    );
  }
  // Was Cinder told this host uses it (os-attach)? Then a later disconnect tells it again.
  const ours = (volume.attachments ?? []).find((attachment) => !attachment.server_id && attachment.host_name === connector.host);
  const attachmentId = ours?.attachment_id ?? ours?.id;
  if (onHost.device) {
    entry.device = {
      path: onHost.device,
      paths: onHost.devices.length ? onHost.devices : [onHost.device],
      connected_at: new Date(f.deps.now?.() ?? Date.now()).toISOString(),
      attached: ours !== undefined,
      ...(attachmentId ? { attachment_id: attachmentId } : {}),
    };
  }
  const path = store.pathFor(entry.volume.name, identity);
  await store.update(path, (current) => {
    if (current && current.volume.id !== volume.id) {
      throw new UcinderError(`${path} holds another volume named '${entry.volume.name}' (${current.volume.id}); resolve that entry first`);
    }
    return entry;
  });
  return `cache entry rebuilt from Cinder (${path})`;
}
