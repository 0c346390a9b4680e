import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { updateQuotaClass } from '../../api/resources/quota-classes.js';
import { updateQuotas } from '../../api/resources/quotas.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { addQuotaOptions, QUOTA_FLAGS_TEXT, quotaChanges } from '../../cli/quota-options.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  class?: boolean;
  volumeType?: string;
  [limit: string]: unknown;
}

export function registerQuotaSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'set <project>',
      summary: "Set a project's block storage quotas (name or ID), or with --class a quota class's",
      output: 'none',
      examples: [
        'ucinder quota set --volumes 20 --gigabytes 2000 db135c4b5391422da5a55c81dfbf803d',
        'ucinder quota set --volumes 5 --volume-type gold demo',
        'ucinder quota set --per-volume-gigabytes 500 --groups -1 demo',
        'ucinder quota set --class --volumes 50 default',
      ],
      configure: (command) => {
        command.option('--class', 'set the quotas of the quota class <project> (Cinder uses the class "default")');
        addQuotaOptions(command);
        command.option('--volume-type <volume-type>', 'set the volumes, snapshots and gigabytes quotas of this volume type (name or ID)');
      },
      run: async ({ f, options, args }) => {
        const target = args[0]!;
        // Checked on the flags alone, before any request.
        if (Object.keys(quotaChanges(options)).length === 0) {
          throw new UsageError(`nothing to change: give at least one of ${QUOTA_FLAGS_TEXT}`);
        }
        const projectId = options.class ? undefined : await resolveProjectId(f, target, 'project');
        const session = await f.session();
        // Per-type quotas are keyed by the type's name; a typo must not create a quota for no type.
        const typeName = options.volumeType === undefined ? undefined : (await findVolumeType(session, options.volumeType)).name;
        const changes = quotaChanges(options, typeName);
        if (projectId === undefined) await updateQuotaClass(session, target, changes);
        else await updateQuotas(session, projectId, changes);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
