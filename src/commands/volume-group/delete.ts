import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { deleteGroup } from '../../api/resources/groups.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { ALL_PROJECTS_LOOKUPS } from '../../cli/all-projects-option.js';
import { VOLUME_GROUPS } from '../../cli/group-microversions.js';
import { flag } from '../../cli/option-spec.js';
import { groupTarget } from '../../cli/wait/group.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerGroupDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <group...>',
      summary: 'Delete volume groups (by name or ID); tries every one, then reports failures',
      since: VOLUME_GROUPS,
      output: 'none',
      examples: ['ucinder volume group delete app1', 'ucinder volume group delete --force --wait app1'],
      options: {
        force: flag('--force', 'delete the group even if it holds volumes, and those volumes with it'),
        allProjects: ALL_PROJECTS_LOOKUPS,
        ...waitOptions('the groups are gone'),
      },
      run: async ({ f, options, args: [groups] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'volume group',
          nouns: 'volume groups',
          items: groups,
          concurrency: 4,
          describe: (item) => `volume group with name or ID '${item}'`,
          deleteOne: async (nameOrId) => {
            const group = await findGroup(session, nameOrId, { allProjects: options.allProjects, action: 'delete' });
            await deleteGroup(session, group.id, { deleteVolumes: options.force });
            return group;
          },
          pollTarget: (group) => groupTarget(session, group, []),
          wait: options,
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
