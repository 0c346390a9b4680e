import type { Command } from 'commander';
import { CLUSTERS_MIN_VERSION, getCluster } from '../../api/resources/clusters.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import type { Factory } from '../../cli/factory.js';
import { manageRemovalOptions, runManageRemoval } from '../../cli/manage-removal.js';
import { flag, option } from '../../cli/option-spec.js';
import { UcinderError } from '../../errors.js';
import { ApiError } from '../../http/errors.js';

/**
 * `cluster remove`: the cluster's row (and with --recursive its services'
 * rows) through cinder-manage, as `volume service remove` does for one
 * service; openstack has no such command, Cinder no REST call.
 */
export function registerClusterRemove(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'remove <cluster>',
      summary: "Remove a dead cluster's row (runs cinder-manage: there is no REST call for this)",
      // Only the API check asks Cinder anything: with --no-api-check the command needs no microversion.
      since: { version: CLUSTERS_MIN_VERSION, feature: 'cluster remove' },
      output: 'details',
      examples: [
        'ucinder block storage cluster remove --recursive mycluster@lvm',
        'ucinder cluster remove --runner docker:cinder_api --yes mycluster@lvm',
        'ucinder cluster remove --runner ssh:root@controller1 --dry-run --recursive mycluster@lvm',
      ],
      options: {
        binary: option('--binary <binary>', "the cluster's binary", { default: 'cinder-volume' }),
        recursive: flag('--recursive', "also remove the rows of the cluster's services (all down)"),
        ...manageRemovalOptions('do not ask the Cinder API first whether the cluster exists and is down, nor afterwards whether it is gone'),
      },
      run: async ({ f, options, args: [cluster] }) => {
        const { binary, apiCheck } = options;
        const recursive = options.recursive === true;
        const { removeClusterWithManage } = await import('../../host/manage.js');
        return runManageRemoval(f, options, {
          noun: 'cluster',
          fields: { binary, cluster },
          what: recursive ? `the ${binary} cluster ${cluster} and its services` : `the ${binary} cluster ${cluster}`,
          manageArgs: ['cluster', 'remove', ...(recursive ? ['--recursive'] : []), binary, cluster],
          checkFirst: () => checkClusterIsDown(f, cluster, binary),
          remove: async (runner, invocation) => {
            const removal = await removeClusterWithManage(runner, invocation, { binary, cluster, recursive });
            if (removal.confirmed) return { argv: removal.argv, result: removal.output };
            const said = `cinder-manage exited ${removal.exitCode}: ${removal.output}`;
            if (!apiCheck) throw new UcinderError(`cinder-manage did not confirm the removal of cluster '${cluster}' (${said})`);
            if (await clusterExists(f, cluster, binary)) throw new UcinderError(`cluster '${cluster}' was not removed (${said})`);
            return { argv: removal.argv, result: `Cluster ${cluster} removed: Cinder no longer lists it (${said})` };
          },
        });
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
  let found;
  try {
    found = await getCluster(session, cluster, binary);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      throw new UcinderError(`Cinder lists no ${binary} cluster '${cluster}' (see 'ucinder block storage cluster list'); use --no-api-check to ask cinder-manage anyway`);
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
