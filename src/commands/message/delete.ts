import type { Command } from 'commander';
import { deleteMessage, MESSAGES_MIN_VERSION } from '../../api/resources/messages.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerMessageDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Record<string, never>>(
    parent,
    {
      usage: 'delete <id...>',
      summary: 'Delete user messages (API 3.3+); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder message delete 7bfb7f87-3603-427a-94d7-f39c6dc19777', 'ucinder message list -f value -c ID | xargs ucinder message delete'],
      run: async ({ f, args }) => {
        const session = await f.session();
        requireMicroversion(session, MESSAGES_MIN_VERSION, 'messages');
        await runBulkDelete(f, {
          noun: 'message',
          nouns: 'messages',
          items: args,
          concurrency: 8,
          describe: (id) => `message '${id}'`,
          deleteOne: (id) => deleteMessage(session, id),
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
