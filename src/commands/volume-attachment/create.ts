import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { ATTACHMENT_MODE_MICROVERSION, ATTACHMENTS_MICROVERSION, createAttachment } from '../../api/resources/attachments.js';
import { looksLikeUuid } from '../../api/uuid.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { choice, flag } from '../../cli/option-spec.js';
import { attachmentDetails } from '../../cli/views/attachment.js';
import { UsageError } from '../../errors.js';
import { anyConnectorFlag, CONNECTOR_OPTIONS, connectorFrom } from './connector-options.js';

export function registerAttachmentCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <volume> <server>',
      summary: 'Create an attachment of a volume to a server, in Cinder only (Nova is not told): for repairs; the server by ID',
      since: ATTACHMENTS_MICROVERSION,
      output: 'details',
      examples: [
        'ucinder volume attachment create vol1 9a3c3b5e-2f4d-4c1e-9f5a-7b1d2c3e4f50',
        'ucinder volume attachment create --connect --host compute1 --ip 192.0.2.11 --initiator iqn.1994-05.com.redhat:compute1 vol1 SERVER_ID',
      ],
      options: {
        connect: flag('--connect', 'make an active connection with the connector given by the flags below', { negatable: 'only reserve the attachment (default)' }),
        ...CONNECTOR_OPTIONS,
        mode: choice('--mode <mode>', 'attach mode', ['rw', 'ro'], { since: { version: ATTACHMENT_MODE_MICROVERSION, feature: 'volume attachment create --mode' } }),
        allProjects: flag('--all-projects', 'look the volume name up in every project (admin)'),
      },
      run: async ({ f, options, args: [volumeRef, server] }) => {
        // ucinder does not talk to Nova: the server is named by its ID, which Cinder stores as is.
        if (!looksLikeUuid(server)) throw new UsageError(`the server must be given by its ID (a UUID), not '${server}'`);
        if (!options.connect && anyConnectorFlag(options)) {
          throw new UsageError('the connector options (--initiator, --ip, --host, …) need --connect');
        }
        const session = await f.session();
        const volume = await findVolume(session, volumeRef, { allProjects: options.allProjects, action: 'attach' });
        const attachment = await createAttachment(session, {
          volumeId: volume.id,
          instanceId: server,
          connector: options.connect ? connectorFrom(options) : undefined,
          mode: options.mode,
        });
        return attachmentDetails(attachment);
      },
    },
    factoryFor,
  );
}
