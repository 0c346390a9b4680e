import type { Command } from 'commander';
import { ATTACHMENTS_MICROVERSION, deleteAttachment } from '../../api/resources/attachments.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerAttachmentDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <attachment...>',
      summary: "Delete volume attachments by ID, in Cinder only (the server's hypervisor is not told); tries every one, then reports failures",
      since: ATTACHMENTS_MICROVERSION,
      output: 'none',
      examples: [
        'ucinder volume attachment delete 5e6d0ac4-1f5e-4d58-a8d1-3a6f0e1e2b11',
        'ucinder volume attachment list --volume vol1 -f value -c ID | xargs ucinder volume attachment delete',
      ],
      run: async ({ f, args: [attachments] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'attachment',
          nouns: 'attachments',
          items: attachments,
          concurrency: 8,
          describe: (id) => `attachment '${id}'`,
          deleteOne: (id) => deleteAttachment(session, id),
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
