import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { setDefaultType } from '../../api/resources/default-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { DEFAULT_TYPES, PROJECT_OPTION } from './default-types.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { details } from '../../output/result.js';

export function registerDefaultTypeSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <volume-type>',
      summary: "Set a project's default volume type: what its volumes get when no type is given (admin)",
      since: DEFAULT_TYPES,
      output: 'details',
      examples: ['ucinder volume type default set gold --project 0123456789abcdef0123456789abcdef'],
      options: { project: PROJECT_OPTION },
      run: async ({ f, options, args: [typeRef] }) => {
        const projectId = await resolveProjectId(f, options.project);
        const session = await f.session();
        const type = await findVolumeType(session, typeRef);
        const set = await setDefaultType(session, projectId, type.id);
        return details({ ...set });
      },
    },
    factoryFor,
  );
}
