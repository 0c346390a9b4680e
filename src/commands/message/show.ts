import type { Command } from 'commander';
import { getMessage, MESSAGES_MIN_VERSION } from '../../api/resources/messages.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { details, type Value } from '../../output/result.js';

export function registerMessageShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Record<string, never>>(
    parent,
    {
      usage: 'show <id>',
      summary: 'Show one user message (API 3.3+)',
      output: 'details',
      examples: ['ucinder volume message show 7bfb7f87-3603-427a-94d7-f39c6dc19777', 'ucinder message show 7bfb7f87-3603-427a-94d7-f39c6dc19777 -f value -c user_message'],
      run: async ({ f, args }) => {
        const session = await f.session();
        requireMicroversion(session, MESSAGES_MIN_VERSION, 'messages');
        // openstack prints every field Cinder sends, links included.
        return details((await getMessage(session, args[0]!)) as unknown as Record<string, Value>);
      },
    },
    factoryFor,
  );
}
