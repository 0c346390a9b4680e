import type { Command } from 'commander';
import {
  ATTACHMENT_COMPLETE_MICROVERSION,
  attachVolume,
  completeAttachment,
  reserveVolume,
  unreserveVolume,
} from '../../api/resources/attachments.js';
import { getVolume } from '../../api/resources/volumes.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import type { Factory } from '../../cli/factory.js';
import { UcinderError } from '../../errors.js';
import type { Connector } from '../../host/connector.js';
import { details, type Details } from '../../output/result.js';
import { connectionState, type ConnectionEntry } from '../../state/connection-entry.js';
import { findCached, openStore } from '../../cli/attach/cache.js';
import { hostContext, plannedCommands, type HostFlags } from '../../cli/attach/host-context.js';
import { addDryRunOptions, addShowSecretsOption, addStateDirOption, addVolumeNameOption, volumeArgument, type VolumeNameOptions } from '../../cli/attach/options.js';

interface Options extends VolumeNameOptions, HostFlags {
  attach?: boolean;
  showSecrets?: boolean;
}

export function registerConnect(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'connect [volume]',
      summary: 'Attach a volume on this host from its cached connection info (iscsi, rbd, nvmeof)',
      output: 'details',
      examples: [
        'ucinder connect vol1',
        'ucinder connect vol1 --dry-run',
        'ucinder connect vol1 --attach -f value -c device',
      ],
      configure: (command) => {
        addVolumeNameOption(command);
        addDryRunOptions(command);
        addShowSecretsOption(command);
        addStateDirOption(command);
        command.option('--attach', "also tell Cinder (os-reserve + os-attach, or attachment complete) so the volume shows in-use on this host");
      },
      run: async ({ f, options, args }) => {
        const name = volumeArgument(args, options, 'connect');
        const store = await openStore(f, options.stateDir);
        const { path, entry } = await findCached(f, store, name);
        const { context, dryRun } = await hostContext(f, options);
        if (!dryRun && entry.device && (await context.probe.exists(entry.device.path))) {
          f.warn(`volume '${entry.volume.name}' is already connected at ${entry.device.path}`);
          return connectDetails(entry);
        }
        const { connectorFor } = await import('../../host/connectors/select.js');
        const protocol = connectorFor(entry.connection.driver_volume_type);
        const outcome = await protocol.attach(entry.data, entry.connector as Connector, context);
        if (dryRun) return plannedCommands(dryRun, options.showSecrets === true);

        let device: NonNullable<ConnectionEntry['device']> = {
          path: outcome.device,
          paths: outcome.paths,
          connected_at: new Date(f.deps.now?.() ?? Date.now()).toISOString(),
          attached: false,
        };
        let attachError: unknown;
        if (options.attach) {
          try {
            device = { ...device, ...(await tellCinder(f, entry, outcome.device)) };
          } catch (error) {
            // The host is attached either way: record it so disconnect can undo it.
            attachError = error;
          }
        }
        const updated = await store.update(path, (current) => ({ ...(current ?? entry), device }));
        if (attachError) {
          const reason = attachError instanceof Error ? attachError.message : String(attachError);
          throw new UcinderError(`connected at ${device.path}, but Cinder was not told (--attach failed): ${reason}`);
        }
        return connectDetails(updated ?? { ...entry, device });
      },
    },
    factoryFor,
  );
}

/** Legacy: os-reserve + os-attach (host_name, mountpoint). Attachments API: complete the attachment. */
async function tellCinder(f: Factory, entry: ConnectionEntry, mountpoint: string): Promise<{ attached: true; attachment_id?: string }> {
  const session = await f.session();
  if (entry.connection.api === 'attachments' && entry.connection.attachment_id) {
    if (!session.supports(ATTACHMENT_COMPLETE_MICROVERSION)) {
      throw new UcinderError(`completing an attachment needs API ${ATTACHMENT_COMPLETE_MICROVERSION}`);
    }
    await completeAttachment(session, entry.connection.attachment_id);
    return { attached: true, attachment_id: entry.connection.attachment_id };
  }
  const hostName = String(entry.connector.host ?? '');
  await reserveVolume(session, entry.volume.id);
  try {
    await attachVolume(session, entry.volume.id, { host_name: hostName, mountpoint });
  } catch (error) {
    await unreserveVolume(session, entry.volume.id).catch(() => undefined);
    throw error;
  }
  const volume = await getVolume(session, entry.volume.id);
  const attachment = (volume.attachments ?? []).find((item) => item.host_name === hostName && item.device === mountpoint)
    ?? (volume.attachments ?? []).find((item) => item.host_name === hostName);
  const attachmentId = attachment?.attachment_id ?? attachment?.id;
  return attachmentId ? { attached: true, attachment_id: attachmentId } : { attached: true };
}

function connectDetails(entry: ConnectionEntry): Details {
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
