import type { Command } from 'commander';
import { listMessages, MESSAGES_MIN_VERSION } from '../../api/resources/messages.js';
import type { Message } from '../../api/types.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { listing, type Value } from '../../output/result.js';

interface Options {
  resourceId?: string;
  limit?: number;
}

const COLUMNS: { header: string; value: (message: Message) => Value }[] = [
  { header: 'ID', value: (m) => m.id },
  { header: 'Resource Type', value: (m) => m.resource_type },
  { header: 'Resource ID', value: (m) => m.resource_uuid },
  { header: 'Event ID', value: (m) => m.event_id },
  { header: 'User Message', value: (m) => m.user_message },
  { header: 'Level', value: (m) => m.message_level },
  { header: 'Created At', value: (m) => m.created_at },
];

export function registerMessageList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List user messages: why asynchronous operations failed (API 3.3+), newest first',
      output: 'listing',
      examples: [
        'ucinder message list',
        'ucinder message list --resource-id 2ba269ad-9ac8-435d-8f87-e187c4a3a753',
        'ucinder message list --limit 5 -c "User Message"',
      ],
      configure: (command) =>
        command
          .option('--resource-id <id>', 'only messages about this resource (volume, snapshot, ... ID)')
          .option('--limit <n>', 'at most this many messages', positiveInteger),
      columns: () => COLUMNS.map((column) => column.header),
      run: async ({ f, options }) => {
        const session = await f.session();
        requireMicroversion(session, MESSAGES_MIN_VERSION, 'messages');
        const messages = await listMessages(session, { resourceId: options.resourceId, limit: options.limit });
        return listing(
          COLUMNS.map((column) => column.header),
          messages.map((message) => COLUMNS.map((column) => column.value(message))),
        );
      },
    },
    factoryFor,
  );
}
