import type { Command } from 'commander';
import { ATTACHMENT_COMPLETE_MICROVERSION, completeAttachment } from '../../api/resources/attachments.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerAttachmentComplete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Record<string, never>>(
    parent,
    {
      usage: 'complete <attachment>',
      summary: 'Mark a volume attachment as complete: the volume becomes in-use (API 3.44+)',
      output: 'none',
      examples: ['ucinder volume attachment complete 5e6d0ac4-1f5e-4d58-a8d1-3a6f0e1e2b11'],
      run: async ({ f, args }) => {
        const session = await f.session();
        requireMicroversion(session, ATTACHMENT_COMPLETE_MICROVERSION, 'volume attachment complete');
        await completeAttachment(session, args[0]!);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
