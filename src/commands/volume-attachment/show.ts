import type { Command } from 'commander';
import { ATTACHMENTS_MICROVERSION, getAttachment } from '../../api/resources/attachments.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { attachmentDetails } from '../../cli/views/attachment.js';

export function registerAttachmentShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <attachment>',
      summary: 'Show one volume attachment by ID',
      since: ATTACHMENTS_MICROVERSION,
      output: 'details',
      watchable: true,
      examples: ['ucinder volume attachment show 5e6d0ac4-1f5e-4d58-a8d1-3a6f0e1e2b11', 'ucinder volume attachment show ATTACHMENT -f json'],
      run: async ({ f, args: [attachment] }) => {
        const session = await f.session();
        return attachmentDetails(await getAttachment(session, attachment));
      },
    },
    factoryFor,
  );
}
