import type { Command } from 'commander';
import { listServices } from '../../api/resources/services.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import type { Factory } from '../../cli/factory.js';
import { manageRemovalOptions, runManageRemoval } from '../../cli/manage-removal.js';
import { UcinderError } from '../../errors.js';

export function registerVolumeServiceRemove(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'remove <binary> <host>',
      summary: "Remove a dead service's row (runs cinder-manage: there is no REST call for this)",
      output: 'details',
      examples: [
        'ucinder volume service remove cinder-volume node2@lvm',
        'ucinder volume service remove --runner docker:cinder_api cinder-backup node1',
        'ucinder volume service remove --runner ssh:root@controller1 --yes cinder-volume node1@mmj',
        'UCINDER_MANAGE_COMMAND="cinder-manage --config-file /etc/cinder/cinder.conf" ucinder service remove cinder-scheduler node3',
      ],
      options: manageRemovalOptions('do not ask the Cinder API first whether the service exists and is down (e.g. the API is unreachable)'),
      run: async ({ f, options, args: [binary, host] }) => {
        const { removeServiceWithManage } = await import('../../host/manage.js');
        return runManageRemoval(f, options, {
          noun: 'service',
          fields: { binary, host },
          what: `the ${binary} service on ${host}`,
          manageArgs: ['service', 'remove', binary, host],
          checkFirst: () => checkServiceIsDown(f, binary, host),
          remove: async (runner, invocation) => {
            const removal = await removeServiceWithManage(runner, invocation, binary, host);
            return { argv: removal.argv, result: removal.output };
          },
        });
      },
    },
    factoryFor,
  );
}

/**
 * A running service writes its row again at its next heartbeat (every
 * report_interval), so removing it only works once it is stopped; a service
 * the API does not list cannot be removed either.
 */
async function checkServiceIsDown(f: Factory, binary: string, host: string): Promise<void> {
  const session = await f.session();
  const services = await listServices(session, { host, binary });
  const service = services.find((candidate) => candidate.binary === binary && candidate.host === host);
  if (!service) {
    throw new UcinderError(`Cinder lists no ${binary} service on host '${host}' (see 'ucinder volume service list'); use --no-api-check to ask cinder-manage anyway`);
  }
  if (service.state === 'up') {
    f.warn(
      `the ${binary} service on ${host} is up (last heartbeat ${service.updated_at ?? 'unknown'}): ` + 'a running service re-creates its row at its next heartbeat; stop it first',
    );
  }
}
