import type { Command } from 'commander';
import { getMessage, MESSAGES_MIN_VERSION } from '../../api/resources/messages.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { details, type Value } from '../../output/result.js';

export function registerMessageShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <id>',
      summary: 'Show one user message',
      since: { version: MESSAGES_MIN_VERSION, feature: 'messages' },
      output: 'details',
      watchable: true,
      examples: ['ucinder volume message show 7bfb7f87-3603-427a-94d7-f39c6dc19777', 'ucinder message show 7bfb7f87-3603-427a-94d7-f39c6dc19777 -f value -c user_message'],
      run: async ({ f, args: [id] }) => {
        const session = await f.session();
        // openstack prints every field Cinder sends, links included.
        return details((await getMessage(session, id)) as unknown as Record<string, Value>);
      },
    },
    factoryFor,
  );
}
