import { Option, type Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { ATTACHMENT_MODE_MICROVERSION, ATTACHMENTS_MICROVERSION, createAttachment } from '../../api/resources/attachments.js';
import { looksLikeUuid } from '../../api/uuid.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { attachmentDetails } from '../../cli/views/attachment.js';
import { UsageError } from '../../errors.js';
import { addConnectorOptions, anyConnectorFlag, connectorFrom, type ConnectorFlags } from './connector-options.js';

interface Options extends ConnectorFlags {
  connect?: boolean;
  mode?: 'rw' | 'ro';
  allProjects?: boolean;
}

export function registerAttachmentCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'create <volume> <server>',
      summary: "Create an attachment of a volume to a server, in Cinder only (Nova is not told): for repairs; the server by ID (API 3.27+)",
      output: 'details',
      examples: [
        'ucinder volume attachment create vol1 9a3c3b5e-2f4d-4c1e-9f5a-7b1d2c3e4f50',
        'ucinder volume attachment create --connect --host compute1 --ip 192.0.2.11 --initiator iqn.1994-05.com.redhat:compute1 vol1 SERVER_ID',
      ],
      configure: (command) => {
        command
          .option('--connect', 'make an active connection with the connector given by the flags below')
          .option('--no-connect', 'only reserve the attachment (default)');
        addConnectorOptions(command);
        command
          .addOption(new Option('--mode <mode>', 'attach mode (API 3.54+)').choices(['rw', 'ro']))
          .option('--all-projects', 'look the volume name up in every project (admin)');
      },
      run: async ({ f, options, args }) => {
        const [volumeRef, server] = args as [string, string];
        // ucinder does not talk to Nova: the server is named by its ID, which Cinder stores as is.
        if (!looksLikeUuid(server)) throw new UsageError(`the server must be given by its ID (a UUID), not '${server}'`);
        if (!options.connect && anyConnectorFlag(options)) {
          throw new UsageError('the connector options (--initiator, --ip, --host, …) need --connect');
        }
        const session = await f.session();
        requireMicroversion(session, ATTACHMENTS_MICROVERSION, 'volume attachment create');
        if (options.mode) requireMicroversion(session, ATTACHMENT_MODE_MICROVERSION, 'volume attachment create --mode');
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
