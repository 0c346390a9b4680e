import { positiveSeconds } from '../option-parsers.js';
import { flag, option } from '../option-spec.js';
import { UsageError } from '../../errors.js';

/** Shared by the connection commands: the volume as NAME|ID argument or -n/--name (the old script's flag). */
interface VolumeNameOptions {
  name?: string;
}

export const VOLUME_NAME_OPTION = option('-n, --name <volume>', 'the volume (name or ID), as the old attach script took it');

/** The volume of `verb [volume]`: the argument or -n, given once. */
export function volumeArgument(positional: string | undefined, options: VolumeNameOptions, verb: string): string {
  if (positional !== undefined && options.name !== undefined && positional !== options.name) {
    throw new UsageError(`give the volume once: '${positional}' and --name '${options.name}' differ`);
  }
  const volume = positional ?? options.name;
  if (volume === undefined || volume === '') throw new UsageError(`missing volume: ucinder ${verb} NAME|ID (or -n NAME)`);
  return volume;
}

export const SHOW_SECRETS_OPTION = flag('--show-secrets', 'show CHAP passwords and keyrings instead of ***');

export const DEFAULT_DEVICE_TIMEOUT_SECONDS = 30;

export const DEVICE_TIMEOUT_OPTION = option('--device-timeout <seconds>', `wait this long for the block device (default ${DEFAULT_DEVICE_TIMEOUT_SECONDS})`, {
  parse: positiveSeconds,
});

/** --dry-run (with --show-secrets for what it prints) and --device-timeout of connect and disconnect. */
export const HOST_OPERATION_OPTIONS = {
  dryRun: flag('--dry-run', 'print the exact host commands as shell lines instead of running them (secrets as "$VARIABLE"s)'),
  deviceTimeout: DEVICE_TIMEOUT_OPTION,
  showSecrets: flag('--show-secrets', 'with --dry-run: start with the lines that set the secret variables'),
};
