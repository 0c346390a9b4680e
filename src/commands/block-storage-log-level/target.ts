import { Option, type Command } from 'commander';
import { LOG_BINARIES, type LogLevelTarget } from '../../api/resources/log-levels.js';

export interface TargetOptions {
  host?: string;
  service?: string;
  logPrefix?: string;
}

/** openstack's --host, --service and --log-prefix, shared by list and set. */
export function addTargetOptions(command: Command, verb: string): void {
  command
    .option('--host <host>', `${verb} the services on this host or cluster only (default: every service that is up)`)
    .addOption(new Option('--service <service>', `${verb} this binary only ('*' = all, the default)`).choices(LOG_BINARIES))
    .option('--log-prefix <prefix>', "only loggers whose name starts with this, e.g. 'cinder.volume' or 'sqlalchemy'");
}

export function targetFrom(options: TargetOptions): LogLevelTarget {
  return { server: options.host, binary: options.service, prefix: options.logPrefix };
}
