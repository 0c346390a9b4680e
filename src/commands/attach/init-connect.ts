import type { Command } from 'commander';
import { ApiError } from '../../http/errors.js';
import {
  ATTACHMENTS_MICROVERSION,
  createAttachment,
  initializeConnection,
  unflattenConnectionInfo,
  type ConnectionInfo,
} from '../../api/resources/attachments.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { UcinderError } from '../../errors.js';
import type { Connector } from '../../host/connector.js';
import { openStore, sessionIdentity } from '../../cli/attach/cache.js';
import { connectionInfoDetails } from '../../cli/views/connection.js';
import { newEntry } from '../../cli/attach/new-entry.js';
import { addConnectorOptions, connectorOverrides, type ConnectorFlags } from '../../cli/attach/connector-options.js';
import { addShowSecretsOption, addVolumeNameOption, volumeArgument, type VolumeNameOptions } from '../../cli/attach/options.js';
import { assertConnectable, resolveVolume } from '../../cli/attach/resolve-volume.js';

interface Options extends VolumeNameOptions, ConnectorFlags {
  showSecrets?: boolean;
  attachmentsApi?: boolean;
}

export function registerInitConnect(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'init-connect [volume]',
      summary: "Ask Cinder to export a volume to this host (os-initialize_connection) and cache the connection info",
      output: 'details',
      examples: [
        'ucinder init-connect vol1',
        'ucinder init-connect -n vol1 --multipath',
        'ucinder init-connect vol1 --initiator iqn.1993-08.org.debian:01:abcdef -f json --show-secrets',
      ],
      configure: (command) => {
        addVolumeNameOption(command);
        addConnectorOptions(command);
        addShowSecretsOption(command);
        command.option('--attachments-api', `use the attachments API (${ATTACHMENTS_MICROVERSION}+) instead of os-initialize_connection`);
      },
      run: async ({ f, options, args }) => {
        const name = volumeArgument(args, options, 'init-connect');
        const { buildConnector } = await import('../../host/connector.js');
        const connector = await buildConnector(connectorOverrides(options), await f.hostFacts());
        // Before Cinder exports anything: a connection we could not record would be lost.
        const store = await openStore(f);
        await store.ensureWritable();
        const session = await f.session();
        const volume = await resolveVolume(session, name);
        await assertConnectable(session, volume);
        let info: ConnectionInfo;
        let attachmentId: string | undefined;
        try {
          if (options.attachmentsApi) {
            if (!session.supports(ATTACHMENTS_MICROVERSION)) {
              throw new UcinderError(`this Cinder does not offer the attachments API (needs ${ATTACHMENTS_MICROVERSION}); drop --attachments-api`);
            }
            const attachment = await createAttachment(session, { volumeId: volume.id, connector, mode: 'rw' });
            attachmentId = attachment.id;
            info = unflattenConnectionInfo(attachment.connection_info ?? {});
          } else {
            info = await initializeConnection(session, volume.id, connector);
          }
        } catch (error) {
          throw explainRefusal(error, connector);
        }
        if (!info?.driver_volume_type) throw new UcinderError(`Cinder returned no connection info for volume '${volume.name || volume.id}'`);
        const identity = await sessionIdentity(session);
        const volumeName = volume.name || volume.id;
        const entry = newEntry(volume, identity, connector, info, {
          api: options.attachmentsApi ? 'attachments' : 'legacy',
          attachmentId,
          now: f.deps.now?.() ?? Date.now(),
        });
        await store.update(store.pathFor(volumeName, identity), (current) => {
          // Re-initializing a volume that is connected here must not forget the device.
          if (current?.device && current.volume.id === volume.id) {
            f.warn(`volume '${volumeName}' is connected on this host at ${current.device.path}; keeping that record`);
            return { ...entry, device: current.device };
          }
          if (current && current.volume.id !== volume.id) {
            f.warn(`replacing the cached connection of an older volume named '${volumeName}' (${current.volume.id})`);
          }
          return entry;
        });
        return connectionInfoDetails(info, options.showSecrets === true);
      },
    },
    factoryFor,
  );
}

/** A 400 about the connector usually means this host lacks an initiator: say how to get one. */
function explainRefusal(error: unknown, connector: Connector): unknown {
  if (error instanceof ApiError && error.status === 400 && !connector.initiator && /initiator|connector/i.test(error.serverMessage)) {
    return new UcinderError(
      `${error.message}; no iSCSI initiator name was sent (none found in /etc/iscsi/initiatorname.iscsi): install open-iscsi or pass --initiator IQN`,
    );
  }
  return error;
}
