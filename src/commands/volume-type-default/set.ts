import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { setDefaultType } from '../../api/resources/default-types.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { details } from '../../output/result.js';

interface Options {
  project: string;
}

export function registerDefaultTypeSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'set <volume-type>',
      summary: "Set a project's default volume type: what its volumes get when no type is given (API 3.62+, admin)",
      output: 'details',
      examples: ['ucinder volume type default set gold --project 0123456789abcdef0123456789abcdef'],
      configure: (command) => command.requiredOption('--project <project>', 'the project (name under Keystone, or ID)'),
      run: async ({ f, options, args }) => {
        const projectId = await resolveProjectId(f, options.project);
        const session = await f.session();
        requireMicroversion(session, '3.62', 'the default-types API');
        const type = await findVolumeType(session, args[0]!);
        const set = await setDefaultType(session, projectId, type.id);
        return details({ ...set });
      },
    },
    factoryFor,
  );
}
