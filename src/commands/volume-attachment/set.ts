import type { Command } from 'commander';
import { ATTACHMENTS_MICROVERSION, updateAttachment } from '../../api/resources/attachments.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { attachmentDetails } from '../../cli/views/attachment.js';
import { CONNECTOR_OPTIONS, connectorFrom } from './connector-options.js';

export function registerAttachmentSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <attachment>',
      summary: "Give a reserved attachment its host's connector: the backend exports the volume to that host",
      since: ATTACHMENTS_MICROVERSION,
      output: 'details',
      examples: ['ucinder volume attachment set --host compute1 --ip 192.0.2.11 --initiator iqn.1994-05.com.redhat:compute1 ATTACHMENT'],
      options: CONNECTOR_OPTIONS,
      run: async ({ f, options, args: [attachment] }) => {
        const session = await f.session();
        return attachmentDetails(await updateAttachment(session, attachment, connectorFrom(options)));
      },
    },
    factoryFor,
  );
}
