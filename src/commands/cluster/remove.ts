import type { Command } from 'commander';
import { CLUSTERS_MIN_VERSION, getCluster } from '../../api/resources/clusters.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import type { Factory } from '../../cli/factory.js';
import { UcinderError, UsageError } from '../../errors.js';
import { ApiError } from '../../http/errors.js';
import { details } from '../../output/result.js';

interface Options {
  binary: string;
  recursive?: boolean;
  runner?: string;
  manageCommand?: string;
  yes?: boolean;
  apiCheck?: boolean;
  dryRun?: boolean;
}

/**
 * `cluster remove`: the cluster's row (and with --recursive its services'
 * rows) through cinder-manage, as `volume service remove` does for one
 * service; openstack has no such command, Cinder no REST call.
 */
export function registerClusterRemove(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'remove <cluster>',
      summary: "Remove a dead cluster's row (runs cinder-manage: there is no REST call for this)",
      output: 'details',
      examples: [
        'ucinder block storage cluster remove --recursive mycluster@lvm',
        'ucinder cluster remove --runner docker:cinder_api --yes mycluster@lvm',
        'ucinder cluster remove --runner ssh:root@controller1 --dry-run --recursive mycluster@lvm',
      ],
      configure: (command) =>
        command
          .option('--binary <binary>', "the cluster's binary", 'cinder-volume')
          .option('--recursive', "also remove the rows of the cluster's services (all down)")
          .option(
            '--runner <runner>',
            'where cinder-manage runs: local, docker:<container> (kolla: docker:cinder_api) or ssh:<[user@]host> (env UCINDER_MANAGE_RUNNER; default local)',
          )
          .option(
            '--manage-command <command>',
            'the cinder-manage command line, split like a shell would but never run through one (env UCINDER_MANAGE_COMMAND; default cinder-manage)',
          )
          .option('--yes', 'do not ask for confirmation (required when stdin is not a terminal)')
          .option('--no-api-check', 'do not ask the Cinder API first whether the cluster exists and is down, nor afterwards whether it is gone')
          .option('--dry-run', 'show the command that would run; run nothing'),
      run: async ({ f, options, args }) => {
        const cluster = args[0]!;
        const { binary } = options;
        const recursive = options.recursive === true;
        const { describeManageRunner, manageArgv, removeClusterWithManage, resolveManageInvocation } = await import('../../host/manage.js');
        const { DryRunRunner, displayCommand } = await import('../../host/runner.js');
        const invocation = resolveManageInvocation(options, f.env);
        const confirm = f.deps.confirm ?? (await import('../../output/confirm.js')).terminalConfirmer();
        if (!options.dryRun && !options.yes && !confirm.interactive) {
          throw new UsageError('refusing to remove a cluster without confirmation: stdin is not a terminal; pass --yes');
        }
        const apiCheck = options.apiCheck !== false;
        if (apiCheck) await checkClusterIsDown(f, cluster, binary);
        const runner = describeManageRunner(invocation.runner);
        const manageArgs = ['cluster', 'remove', ...(recursive ? ['--recursive'] : []), binary, cluster];
        if (options.dryRun) {
          const dryRun = new DryRunRunner();
          await dryRun.run(manageArgv(invocation, manageArgs));
          return details({ binary, cluster, runner, command: displayCommand(dryRun.planned[0]!), result: 'dry run: nothing was run' });
        }
        if (!options.yes) {
          const what = recursive ? `the ${binary} cluster ${cluster} and its services` : `the ${binary} cluster ${cluster}`;
          const where = runner === 'local' ? 'cinder-manage on this host' : `cinder-manage via ${runner}`;
          if (!(await confirm.ask(`Remove ${what} from Cinder's database (${where})?`))) throw new UcinderError('not removed: not confirmed');
        }
        const removal = await removeClusterWithManage(await f.runner(), invocation, { binary, cluster, recursive });
        let result = removal.output;
        if (!removal.confirmed) {
          const said = `cinder-manage exited ${removal.exitCode}: ${removal.output}`;
          if (!apiCheck) throw new UcinderError(`cinder-manage did not confirm the removal of cluster '${cluster}' (${said})`);
          if (await clusterExists(f, cluster, binary)) throw new UcinderError(`cluster '${cluster}' was not removed (${said})`);
          result = `Cluster ${cluster} removed: Cinder no longer lists it (${said})`;
        }
        return details({ binary, cluster, runner, command: displayCommand(removal.argv), result });
      },
    },
    factoryFor,
  );
}

async function clusterExists(f: Factory, cluster: string, binary: string): Promise<boolean> {
  try {
    await getCluster(await f.session(), cluster, binary);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

/**
 * A running service writes its row again at its next heartbeat, and its
 * cluster's with it: removing a cluster only works once every node is
 * stopped, so a cluster with a service up is refused.
 */
async function checkClusterIsDown(f: Factory, cluster: string, binary: string): Promise<void> {
  const session = await f.session();
  requireMicroversion(session, CLUSTERS_MIN_VERSION, 'cluster remove');
  let found;
  try {
    found = await getCluster(session, cluster, binary);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      throw new UcinderError(
        `Cinder lists no ${binary} cluster '${cluster}' (see 'ucinder block storage cluster list'); use --no-api-check to ask cinder-manage anyway`,
      );
    }
    throw error;
  }
  const up = (found.num_hosts ?? 0) - (found.num_down_hosts ?? 0);
  if (up > 0) {
    throw new UcinderError(
      `cluster '${cluster}' still has ${up} service${up === 1 ? '' : 's'} up: a running service re-creates its rows at its next heartbeat; stop ${up === 1 ? 'it' : 'them'} first (see 'ucinder volume service list')`,
    );
  }
}
