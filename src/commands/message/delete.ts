import type { Command } from 'commander';
import { deleteMessage, MESSAGES_MIN_VERSION } from '../../api/resources/messages.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerMessageDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <id...>',
      summary: 'Delete user messages; tries every one, then reports failures',
      since: { version: MESSAGES_MIN_VERSION, feature: 'messages' },
      output: 'none',
      examples: ['ucinder message delete 7bfb7f87-3603-427a-94d7-f39c6dc19777', 'ucinder message list -f value -c ID | xargs ucinder message delete'],
      run: async ({ f, args: [ids] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'message',
          nouns: 'messages',
          items: ids,
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
