import type { Command } from 'commander';
import { ATTACHMENTS_MICROVERSION, getAttachment } from '../../api/resources/attachments.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { attachmentDetails } from '../../cli/views/attachment.js';

export function registerAttachmentShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Record<string, never>>(
    parent,
    {
      usage: 'show <attachment>',
      summary: 'Show one volume attachment by ID (API 3.27+)',
      output: 'details',
      examples: ['ucinder volume attachment show 5e6d0ac4-1f5e-4d58-a8d1-3a6f0e1e2b11', 'ucinder volume attachment show ATTACHMENT -f json'],
      run: async ({ f, args }) => {
        const session = await f.session();
        requireMicroversion(session, ATTACHMENTS_MICROVERSION, 'volume attachment show');
        return attachmentDetails(await getAttachment(session, args[0]!));
      },
    },
    factoryFor,
  );
}
