import type { Command } from 'commander';
import { deleteQuotas } from '../../api/resources/quotas.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerQuotaDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <project>',
      summary: "Delete a project's own block storage quotas (name or ID): it gets the defaults again",
      output: 'none',
      examples: ['ucinder quota delete db135c4b5391422da5a55c81dfbf803d', 'ucinder quota delete --volume demo'],
      // openstack deletes compute, network and volume quotas unless told --volume; ucinder has block storage only.
      options: { volume: flag('--volume', "only the block storage quotas (openstack's flag; the only ones ucinder has)") },
      run: async ({ f, args: [project] }) => {
        const projectId = await resolveProjectId(f, project, 'project');
        await deleteQuotas(await f.session(), projectId);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
