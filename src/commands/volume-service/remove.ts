import type { Command } from 'commander';
import { listServices } from '../../api/resources/services.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import type { Factory } from '../../cli/factory.js';
import { UcinderError, UsageError } from '../../errors.js';
import { details } from '../../output/result.js';

interface Options {
  runner?: string;
  manageCommand?: string;
  yes?: boolean;
  apiCheck?: boolean;
  dryRun?: boolean;
}

export function registerVolumeServiceRemove(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
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
      configure: (command) =>
        command
          .option(
            '--runner <runner>',
            'where cinder-manage runs: local, docker:<container> (kolla: docker:cinder_api) or ssh:<[user@]host> (env UCINDER_MANAGE_RUNNER; default local)',
          )
          .option(
            '--manage-command <command>',
            'the cinder-manage command line, split like a shell would but never run through one (env UCINDER_MANAGE_COMMAND; default cinder-manage)',
          )
          .option('--yes', 'do not ask for confirmation (required when stdin is not a terminal)')
          .option('--no-api-check', 'do not ask the Cinder API first whether the service exists and is down (e.g. the API is unreachable)')
          .option('--dry-run', 'show the command that would run; run nothing'),
      run: async ({ f, options, args }) => {
        const [binary, host] = args as [string, string];
        // Host-side modules load only when this command runs.
        const { describeManageRunner, manageArgv, removeServiceWithManage, resolveManageInvocation } = await import('../../host/manage.js');
        const { DryRunRunner, displayCommand } = await import('../../host/runner.js');
        const invocation = resolveManageInvocation(options, f.env);
        const confirm = f.deps.confirm ?? (await import('../../output/confirm.js')).terminalConfirmer();
        if (!options.dryRun && !options.yes && !confirm.interactive) {
          throw new UsageError('refusing to remove a service without confirmation: stdin is not a terminal; pass --yes');
        }
        if (options.apiCheck !== false) await checkServiceIsDown(f, binary, host);
        if (options.dryRun) {
          const dryRun = new DryRunRunner();
          await dryRun.run(manageArgv(invocation, ['service', 'remove', binary, host]));
          return details({ binary, host, runner: describeManageRunner(invocation.runner), command: displayCommand(dryRun.planned[0]!), result: 'dry run: nothing was run' });
        }
        if (!options.yes) {
          const question = `Remove the ${binary} service on ${host} from Cinder's database (${where(describeManageRunner(invocation.runner))})?`;
          if (!(await confirm.ask(question))) throw new UcinderError('not removed: not confirmed');
        }
        const removal = await removeServiceWithManage(await f.runner(), invocation, binary, host);
        return details({
          binary,
          host,
          runner: describeManageRunner(invocation.runner),
          command: displayCommand(removal.argv),
          result: removal.output,
        });
      },
    },
    factoryFor,
  );
}

function where(runner: string): string {
  return runner === 'local' ? 'cinder-manage on this host' : `cinder-manage via ${runner}`;
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
    throw new UcinderError(
      `Cinder lists no ${binary} service on host '${host}' (see 'ucinder volume service list'); use --no-api-check to ask cinder-manage anyway`,
    );
  }
  if (service.state === 'up') {
    f.warn(
      `the ${binary} service on ${host} is up (last heartbeat ${service.updated_at ?? 'unknown'}): ` +
        'a running service re-creates its row at its next heartbeat; stop it first',
    );
  }
}
