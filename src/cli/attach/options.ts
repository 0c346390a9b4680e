import type { Command } from 'commander';
import { positiveSeconds } from '../option-parsers.js';
import { UsageError } from '../../errors.js';

/** Shared by the connection commands: the volume as NAME|ID argument or -n/--name (the old script's flag). */
export interface VolumeNameOptions {
  name?: string;
}

export const VOLUME_NAME_HELP = 'the volume (name or ID), as the old attach script took it';

export function addVolumeNameOption(command: Command): Command {
  return command.option('-n, --name <volume>', VOLUME_NAME_HELP);
}

export function volumeArgument(args: string[], options: VolumeNameOptions, verb: string): string {
  const positional = args[0];
  if (positional !== undefined && options.name !== undefined && positional !== options.name) {
    throw new UsageError(`give the volume once: '${positional}' and --name '${options.name}' differ`);
  }
  const volume = positional ?? options.name;
  if (volume === undefined || volume === '') throw new UsageError(`missing volume: ucinder ${verb} NAME|ID (or -n NAME)`);
  return volume;
}

export function addShowSecretsOption(command: Command): Command {
  return command.option('--show-secrets', 'show CHAP passwords and keyrings instead of ***');
}

export const DEFAULT_DEVICE_TIMEOUT_SECONDS = 30;

export function addDeviceTimeoutOption(command: Command): Command {
  return command.option('--device-timeout <seconds>', `wait this long for the block device (default ${DEFAULT_DEVICE_TIMEOUT_SECONDS})`, positiveSeconds);
}

export function addDryRunOptions(command: Command): Command {
  return addDeviceTimeoutOption(command.option('--dry-run', 'print the exact host commands instead of running them'));
}
