import type { Command } from 'commander';
import { ApiError } from '../../http/errors.js';
import { ATTACHMENTS_MICROVERSION, createAttachment, initializeConnection, unflattenConnectionInfo, type ConnectionInfo } from '../../api/resources/attachments.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineCommand } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { UcinderError } from '../../errors.js';
import type { Connector } from '../../host/connector.js';
import { openStore, sessionIdentity } from '../../cli/attach/cache.js';
import { connectionInfoDetails } from '../../cli/views/connection.js';
import { newEntry } from '../../cli/attach/new-entry.js';
import { CONNECTOR_OPTIONS, connectorOverrides } from '../../cli/attach/connector-options.js';
import { SHOW_SECRETS_OPTION, VOLUME_NAME_OPTION, volumeArgument } from '../../cli/attach/options.js';
import { assertConnectable, resolveVolume } from '../../cli/attach/resolve-volume.js';

export function registerInitConnect(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'init-connect [volume]',
      summary: 'Ask Cinder to export a volume to this host (os-initialize_connection) and cache the connection info',
      output: 'record',
      examples: [
        'ucinder init-connect vol1',
        'ucinder init-connect -n vol1 --multipath',
        'ucinder init-connect vol1 --initiator iqn.1993-08.org.debian:01:abcdef -f json --show-secrets',
      ],
      options: {
        name: VOLUME_NAME_OPTION,
        ...CONNECTOR_OPTIONS,
        showSecrets: SHOW_SECRETS_OPTION,
        attachmentsApi: flag('--attachments-api', `use the attachments API (${ATTACHMENTS_MICROVERSION}+) instead of os-initialize_connection`),
      },
      run: async ({ f, options, args: [volumeArg] }) => {
        const name = volumeArgument(volumeArg, options, 'init-connect');
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
    return new UcinderError(`${error.message}; no iSCSI initiator name was sent (none found in /etc/iscsi/initiatorname.iscsi): install open-iscsi or pass --initiator IQN`);
  }
  return error;
}
