import type { Command } from 'commander';
import { getQuotaClass } from '../../api/resources/quota-classes.js';
import { getQuotas, getQuotaUsage } from '../../api/resources/quotas.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { quotaClassDetails, quotaDetails, quotaUsageRows } from '../../cli/views/quota.js';
import { UcinderError, UsageError } from '../../errors.js';
import { listing } from '../../output/result.js';

const USAGE = ['Resource', 'Limit', 'In Use', 'Reserved'] as const;

export function registerQuotaShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show [project]',
      summary: "Show a project's block storage quotas (-1 = unlimited); default: the session's project",
      output: 'details',
      watchable: true,
      examples: [
        'ucinder quota show',
        'ucinder quota show -f value -c volumes',
        'ucinder quota show --default',
        'ucinder quota show --usage',
        'ucinder quota show db135c4b5391422da5a55c81dfbf803d -f json',
        'ucinder quota show --class default',
      ],
      options: {
        default: flag('--default', 'the default quotas (what a project without its own quotas gets)', { conflicts: ['usage', 'class'] }),
        class: flag('--class', 'the quotas of the quota class <project> (Cinder uses the class "default")', { conflicts: 'usage' }),
        usage: flag('--usage', 'a table of each quota with what is in use and reserved (as newer openstack clients print it)'),
      },
      run: async ({ f, options, args: [given] }) => {
        if (options.class && !given) throw new UsageError('--class needs the name of a quota class (Cinder uses "default")');
        const session = await f.session();
        if (options.class && given) return quotaClassDetails(await getQuotaClass(session, given));
        const ownProject = await session.projectId();
        const project = given ?? ownProject;
        if (!project) {
          throw new UcinderError('no project to show: give a project ID, or authenticate with a project (--os-project-id / OS_PROJECT_ID)');
        }
        if (options.usage) {
          return listing(USAGE, quotaUsageRows(await getQuotaUsage(session, project)));
        }
        const quotas = await getQuotas(session, project, { defaults: options.default });
        // ucinder asks no identity service: it knows the name of its own project only.
        const projectName = project === ownProject ? await session.projectName() : undefined;
        return quotaDetails(quotas, projectName);
      },
    },
    factoryFor,
  );
}
