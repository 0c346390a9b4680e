import type { Command } from 'commander';
import { ATTACHMENTS_MICROVERSION, updateAttachment } from '../../api/resources/attachments.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { attachmentDetails } from '../../cli/views/attachment.js';
import { addConnectorOptions, connectorFrom, type ConnectorFlags } from './connector-options.js';

export function registerAttachmentSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<ConnectorFlags>(
    parent,
    {
      usage: 'set <attachment>',
      summary: "Give a reserved attachment its host's connector: the backend exports the volume to that host (API 3.27+)",
      output: 'details',
      examples: [
        'ucinder volume attachment set --host compute1 --ip 192.0.2.11 --initiator iqn.1994-05.com.redhat:compute1 ATTACHMENT',
      ],
      configure: addConnectorOptions,
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, ATTACHMENTS_MICROVERSION, 'volume attachment set');
        return attachmentDetails(await updateAttachment(session, args[0]!, connectorFrom(options)));
      },
    },
    factoryFor,
  );
}
