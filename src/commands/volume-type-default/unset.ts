import type { Command } from 'commander';
import { unsetDefaultType } from '../../api/resources/default-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { DEFAULT_TYPES, PROJECT_OPTION } from './default-types.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerDefaultTypeUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'unset',
      summary: "Remove a project's own default volume type; the cloud's default applies again (admin)",
      since: DEFAULT_TYPES,
      output: 'none',
      examples: ['ucinder volume type default unset --project 0123456789abcdef0123456789abcdef'],
      options: { project: PROJECT_OPTION },
      run: async ({ f, options }) => {
        const projectId = await resolveProjectId(f, options.project);
        const session = await f.session();
        await unsetDefaultType(session, projectId);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
