import type { Command } from 'commander';
import { findGroup } from '../../api/group-finders.js';
import { deleteGroup } from '../../api/resources/groups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { groupTarget } from '../../cli/wait/group.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options extends WaitFlags {
  force?: boolean;
  allProjects?: boolean;
}

export function registerGroupDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'delete <group...>',
      summary: 'Delete volume groups (by name or ID; API 3.13+); tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder volume group delete app1', 'ucinder volume group delete --force --wait app1'],
      configure: (command) => {
        command
          .option('--force', 'delete the group even if it holds volumes, and those volumes with it')
          .option('--all-projects', 'look names up in every project (admin)');
        addWaitOptions(command, 'the groups are gone');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.13', 'volume groups');
        await runBulkDelete(f, {
          noun: 'volume group',
          nouns: 'volume groups',
          items: args,
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
