import type { Command } from 'commander';
import { unsetDefaultType } from '../../api/resources/default-types.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  project: string;
}

export function registerDefaultTypeUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'unset',
      summary: "Remove a project's own default volume type; the cloud's default applies again (API 3.62+, admin)",
      output: 'none',
      examples: ['ucinder volume type default unset --project 0123456789abcdef0123456789abcdef'],
      configure: (command) => command.requiredOption('--project <project>', 'the project (name under Keystone, or ID)'),
      run: async ({ f, options }) => {
        const projectId = await resolveProjectId(f, options.project);
        const session = await f.session();
        requireMicroversion(session, '3.62', 'the default-types API');
        await unsetDefaultType(session, projectId);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
