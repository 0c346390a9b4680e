import { InvalidArgumentError } from 'commander';
import { LOG_BINARIES, type LogLevelTarget } from '../../api/resources/log-levels.js';
import { option } from '../../cli/option-spec.js';

export interface TargetOptions {
  host?: string;
  service?: string;
  logPrefix?: string;
}

/** openstack's --host, --service and --log-prefix, shared by list and set. */
export function targetOptions(verb: string) {
  return {
    host: option('--host <host>', `${verb} the services on this host or cluster only (default: every service that is up)`),
    service: option('--service <service>', `${verb} this binary only: ${LOG_BINARIES.join(', ')} ('*' = all, the default)`, { parse: logBinary }),
    logPrefix: option('--log-prefix <prefix>', "only loggers whose name starts with this, e.g. 'cinder.volume' or 'sqlalchemy'"),
  };
}

/** openstack's choices, '*' included (which shell completion cannot offer, hence no Commander choices). */
function logBinary(value: string): string {
  if (!(LOG_BINARIES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`'${value}' is not a Cinder service; choose from ${LOG_BINARIES.join(', ')}.`);
  }
  return value;
}

export function targetFrom(options: TargetOptions): LogLevelTarget {
  return { server: options.host, binary: options.service, prefix: options.logPrefix };
}
