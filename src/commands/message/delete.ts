import type { Command } from 'commander';
import { deleteMessage, MESSAGES_MIN_VERSION } from '../../api/resources/messages.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { mapSettledBounded } from '../../cli/bounded-map.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { PartialFailureError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerMessageDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Record<string, never>>(
    parent,
    {
      usage: 'delete <id...>',
      summary: 'Delete user messages (API 3.3+); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder message delete 7bfb7f87-3603-427a-94d7-f39c6dc19777', 'ucinder message list -f value -c ID | xargs ucinder message delete'],
      run: async ({ f, args }) => {
        const session = await f.session();
        requireMicroversion(session, MESSAGES_MIN_VERSION, 'messages');
        const results = await mapSettledBounded(args, 8, (id) => deleteMessage(session, id));
        const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [{ id: args[index]!, error: result.reason as Error }] : []));
        if (args.length === 1 && failures.length === 1) throw failures[0]!.error;
        for (const { id, error } of failures) f.io.stderr.write(`Failed to delete message '${id}': ${error.message}\n`);
        if (failures.length) throw new PartialFailureError(failures.length, args.length, 'messages failed to delete');
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
