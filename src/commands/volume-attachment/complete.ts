import type { Command } from 'commander';
import { ATTACHMENT_COMPLETE_MICROVERSION, completeAttachment } from '../../api/resources/attachments.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerAttachmentComplete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'complete <attachment>',
      summary: 'Mark a volume attachment as complete: the volume becomes in-use',
      since: ATTACHMENT_COMPLETE_MICROVERSION,
      output: 'none',
      examples: ['ucinder volume attachment complete 5e6d0ac4-1f5e-4d58-a8d1-3a6f0e1e2b11'],
      run: async ({ f, args: [attachment] }) => {
        const session = await f.session();
        await completeAttachment(session, attachment);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
