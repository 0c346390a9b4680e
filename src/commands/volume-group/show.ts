import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { getGroup } from '../../api/resources/groups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { groupDetails } from '../../cli/views/group.js';

interface Options {
  /** --volumes / --no-volumes; undefined when neither was given. */
  volumes?: boolean;
  allProjects?: boolean;
}

export function registerGroupShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'show <group>',
      summary: 'Show a volume group (by name or ID; API 3.13+)',
      output: 'details',
      examples: ['ucinder volume group show app1', 'ucinder volume group show --volumes app1 -f json -c Volumes'],
      configure: (command) =>
        command
          .option('--volumes', 'also list the IDs of the volumes in the group (API 3.25+)')
          .option('--no-volumes', 'do not list the volumes in the group')
          .option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.13', 'volume groups');
        if (options.volumes !== undefined) requireMicroversion(session, '3.25', '--volumes / --no-volumes');
        const group = await findGroup(session, args[0]!, { allProjects: options.allProjects });
        return groupDetails(options.volumes ? await getGroup(session, group.id, { withVolumes: true }) : group);
      },
    },
    factoryFor,
  );
}
