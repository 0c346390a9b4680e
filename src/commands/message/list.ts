import type { Command } from 'commander';
import { listMessages, MESSAGES_MIN_VERSION } from '../../api/resources/messages.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { option } from '../../cli/option-spec.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { itemProperty } from '../../cli/views/item-property.js';
import { listing } from '../../output/result.js';

/**
 * `openstack volume message list`'s headers, in its order; each reads the
 * field of the same name in snake case (Resource UUID: resource_uuid).
 */
const HEADERS = ['ID', 'Event ID', 'Resource Type', 'Resource UUID', 'Message Level', 'User Message', 'Request ID', 'Created At', 'Guaranteed Until'] as const;

const fieldOf = (header: string): string => header.toLowerCase().replaceAll(' ', '_');

export function registerMessageList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List user messages: why asynchronous operations failed, newest first',
      since: { version: MESSAGES_MIN_VERSION, feature: 'messages' },
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder volume message list',
        'ucinder volume message list --resource-id 2ba269ad-9ac8-435d-8f87-e187c4a3a753',
        'ucinder message list --limit 5 -c "User Message"',
      ],
      options: {
        resourceId: option('--resource-id <id>', 'only messages about this resource (volume, snapshot, ... ID)'),
        limit: option('--limit <n>', 'at most this many messages', { parse: positiveInteger }),
        marker: option('--marker <id>', 'start after the message with this ID'),
      },
      columns: () => HEADERS,
      run: async ({ f, options }) => {
        const session = await f.session();
        const messages = await listMessages(session, { resourceId: options.resourceId, limit: options.limit, marker: options.marker });
        return listing(
          HEADERS,
          messages.map((message) => HEADERS.map((header) => itemProperty(message, fieldOf(header)))),
        );
      },
    },
    factoryFor,
  );
}
