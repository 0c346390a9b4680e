import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { getGroup } from '../../api/resources/groups.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUPS } from '../../cli/group-microversions.js';
import { flag } from '../../cli/option-spec.js';
import { groupDetails } from '../../cli/views/group.js';

export function registerGroupShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <group>',
      summary: 'Show a volume group (by name or ID)',
      since: VOLUME_GROUPS,
      output: 'details',
      watchable: true,
      examples: ['ucinder volume group show app1', 'ucinder volume group show --volumes app1 -f json -c Volumes'],
      options: {
        // --volumes / --no-volumes; undefined when neither is given.
        volumes: flag('--volumes', 'also list the IDs of the volumes in the group', {
          negatable: 'do not list the volumes in the group',
          since: { version: '3.25', feature: '--volumes / --no-volumes' },
        }),
        allProjects: ALL_PROJECTS_LOOKUP,
      },
      run: async ({ f, options, args: [groupRef] }) => {
        const session = await f.session();
        const group = await findGroup(session, groupRef, { allProjects: options.allProjects });
        return groupDetails(options.volumes ? await getGroup(session, group.id, { withVolumes: true }) : group);
      },
    },
    factoryFor,
  );
}
