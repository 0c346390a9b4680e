import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { updateQuotaClass } from '../../api/resources/quota-classes.js';
import { updateQuotas } from '../../api/resources/quotas.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { quotaChanges, quotaOptions } from '../../cli/quota-options.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerQuotaSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
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
      nothingToChange: 'give at least one of A, B, C',
      options: {
        class: flag('--class', 'set the quotas of the quota class <project> (Cinder uses the class "default")'),
        ...quotaOptions(),
        volumeType: option('--volume-type <volume-type>', 'set the volumes, snapshots and gigabytes quotas of this volume type (name or ID)'),
      },
      run: async ({ f, options, args: [target] }) => {
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
