import { Command } from 'commander';
import type { FactoryProvider } from '../cli/command.js';
import { addGlobalOptions } from '../cli/global-options.js';
import { addHelpCommand } from '../cli/help-command.js';
import { addExamples } from '../cli/help-sections.js';
import { configureHelpLayout } from '../cli/help-layout.js';
import type { IOStreams } from '../output/iostreams.js';
import { VERSION } from '../version.js';
import { registerAttachCommands } from './attach/index.js';
import { registerBlockStorageLogLevelCommands } from './block-storage-log-level/index.js';
import { registerAvailabilityZoneCommands } from './availability-zone/index.js';
import { registerBlockStorageSnapshotManageableCommands } from './block-storage-snapshot-manageable/index.js';
import { registerBlockStorageVolumeManageableCommands } from './block-storage-volume-manageable/index.js';
import { registerBlockStorageCommands } from './block-storage/index.js';
import { registerClusterCommands } from './cluster/index.js';
import { registerCompletionCommands } from './completion/index.js';
import { registerConnectionCommands } from './connection/index.js';
import { registerConnectorCommands } from './connector/index.js';
import { registerExtensionCommands } from './extension/index.js';
import { registerImageCommands } from './image/index.js';
import { registerLimitsCommands } from './limits/index.js';
import { registerMessageCommands } from './message/index.js';
import { registerQuotaCommands } from './quota/index.js';
import { registerResourceFilterCommands } from './block-storage-resource-filter/index.js';
import { registerStatusCommands } from './status/index.js';
import { registerShellCommand, type ShellOpener } from './shell/index.js';
import { registerTokenCommands } from './token/index.js';
import { registerVolumeAttachmentCommands } from './volume-attachment/index.js';
import { registerVolumeBackendCapabilityCommands } from './volume-backend-capability/index.js';
import { registerVolumeBackendPoolCommands } from './volume-backend-pool/index.js';
import { registerVolumeBackupCommands } from './volume-backup/index.js';
import { registerVolumeBackupRecordCommands } from './volume-backup-record/index.js';
import { registerVolumeGroupAddCommands } from './volume-group-add/index.js';
import { registerVolumeGroupRemoveCommands } from './volume-group-remove/index.js';
import { registerVolumeGroupSnapshotCommands } from './volume-group-snapshot/index.js';
import { registerVolumeGroupTypeCommands } from './volume-group-type/index.js';
import { registerVolumeGroupCommands } from './volume-group/index.js';
import { registerVolumeHostCommands } from './volume-host/index.js';
import { registerVolumeQosCommands } from './volume-qos/index.js';
import { registerVolumeServiceCommands } from './volume-service/index.js';
import { registerVolumeSnapshotCommands } from './volume-snapshot/index.js';
import { registerVersionsCommands } from './versions/index.js';
import { registerVolumeTransferRequestCommands } from './volume-transfer-request/index.js';
import { registerVolumeTypeAccessCommands } from './volume-type-access/index.js';
import { registerVolumeTypeDefaultCommands } from './volume-type-default/index.js';
import { registerVolumeTypeCommands } from './volume-type/index.js';
import { registerVolumeCommands } from './volume/index.js';

/** Nouns reachable under two names (ucinder's short one and openstack's): summary, description. */
const CLUSTERS = ['Clusters of active/active services', 'Clusters of active/active services (API 3.7+)'] as const;
const MESSAGES = ['User messages about failed operations', 'User messages about failed operations (API 3.3+)'] as const;

/**
 * The whole command tree, in the openstack client's shape. The tree's nouns
 * are made here, in one place; each noun's folder (commands/<noun words
 * joined by dashes>/) registers its verbs, one file per verb, so the file of
 * `volume backend pool list` is commands/volume-backend-pool/list.ts.
 */
export function buildProgram(factoryFor: FactoryProvider, io: IOStreams, openShell?: ShellOpener): Command {
  const program = new Command('ucinder');
  // Settings made here are inherited by every subcommand created below.
  program
    .version(VERSION, '--version', 'print the ucinder version')
    .description('A fast, scriptable operator CLI for OpenStack Cinder (block storage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`ucinder: ${text.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError(true);
  configureHelpLayout(program);
  addGlobalOptions(program);

  const volume = noun(program, 'volume', 'Volumes, volume types and services');
  registerVolumeCommands(volume, factoryFor);
  addVolumeTypeNoun(volume, 'type', 'Volume types', factoryFor);
  registerVolumeServiceCommands(noun(volume, 'service', 'Cinder services'), factoryFor);
  registerVolumeSnapshotCommands(noun(volume, 'snapshot', 'Volume snapshots'), factoryFor);
  registerVolumeAttachmentCommands(noun(volume, 'attachment', 'Volume attachments (API 3.27+)'), factoryFor);
  registerVolumeHostCommands(noun(volume, 'host', 'Volume backend hosts (freeze/thaw)'), factoryFor);
  registerVolumeTransferRequestCommands(
    noun(noun(volume, 'transfer', 'Volume transfers between projects'), 'request', 'Volume transfers between projects'),
    factoryFor,
  );
  registerVolumeQosCommands(noun(volume, 'qos', 'QoS specifications (and their volume types)'), factoryFor);
  const backup = noun(volume, 'backup', 'Volume backups (cinder-backup)');
  registerVolumeBackupCommands(backup, factoryFor);
  registerVolumeBackupRecordCommands(noun(backup, 'record', 'Backup records, to move backups between Cinders'), factoryFor);
  const backend = noun(volume, 'backend', 'Backend pools and capabilities');
  registerVolumeBackendPoolCommands(noun(backend, 'pool', 'Backend pools'), factoryFor);
  registerVolumeBackendCapabilityCommands(noun(backend, 'capability', 'Backend capabilities'), factoryFor);
  // openstack's name for `message …`.
  registerMessageCommands(noun(volume, 'message', ...MESSAGES), factoryFor);
  const group = noun(volume, 'group', 'Generic volume groups (API 3.13+)');
  registerVolumeGroupCommands(group, factoryFor);
  registerVolumeGroupTypeCommands(noun(group, 'type', 'Volume group types (API 3.11+)'), factoryFor);
  registerVolumeGroupSnapshotCommands(noun(group, 'snapshot', 'Volume group snapshots (API 3.14+)'), factoryFor);
  registerVolumeGroupAddCommands(noun(group, 'add', 'Add volumes to a volume group'), factoryFor);
  registerVolumeGroupRemoveCommands(noun(group, 'remove', 'Remove volumes from a volume group'), factoryFor);
  // The seed's wording: `ucinder type create`, `ucinder service list`.
  addVolumeTypeNoun(program, 'type', "Shortcut for 'volume type'", factoryFor);
  registerVolumeServiceCommands(noun(program, 'service', "Shortcut for 'volume service'"), factoryFor);
  // The operator's first command, early in the help.
  registerStatusCommands(program, factoryFor);

  registerCompletionCommands(
    noun(program, 'completion', 'Shell completion scripts (bash, zsh, fish)',
      'Print a shell completion script (bash, zsh or fish); installing it: see "Shell completion" in docs/output-and-scripts.md'),
    factoryFor,
  );
  registerShellCommand(program, openShell);
  registerAttachCommands(program, factoryFor);
  registerConnectorCommands(noun(program, 'connector', "This host's connector"), factoryFor);
  registerConnectionCommands(noun(program, 'connection', 'Connections cached on this host (init-connect)'), factoryFor);
  // The operators' wording "cinder list backend": `ucinder backend list` = `volume backend pool list`.
  registerVolumeBackendPoolCommands(noun(program, 'backend', "Shortcut: 'backend list' = 'volume backend pool list'"), factoryFor);
  registerClusterCommands(noun(program, 'cluster', ...CLUSTERS), factoryFor);
  // openstack's name for `cluster …`.
  const BLOCK_STORAGE = 'Block storage: clusters, cleanup, log levels, resource filters, manageable volumes and snapshots';
  const blockStorage = noun(noun(program, 'block', BLOCK_STORAGE), 'storage', BLOCK_STORAGE);
  registerClusterCommands(noun(blockStorage, 'cluster', ...CLUSTERS), factoryFor);
  registerBlockStorageCommands(blockStorage, factoryFor);
  registerResourceFilterCommands(noun(noun(blockStorage, 'resource', 'Resource filters'), 'filter', 'Filters each resource listing accepts (API 3.33+)'), factoryFor);
  registerBlockStorageVolumeManageableCommands(
    noun(noun(blockStorage, 'volume', 'Backend volumes Cinder could manage'), 'manageable', 'Backend volumes Cinder could manage (API 3.8+)'),
    factoryFor,
  );
  registerBlockStorageSnapshotManageableCommands(
    noun(noun(blockStorage, 'snapshot', 'Backend snapshots Cinder could manage'), 'manageable', 'Backend snapshots Cinder could manage (API 3.8+)'),
    factoryFor,
  );
  const logLevel = noun(noun(blockStorage, 'log', 'Log levels of running services'), 'level', 'Log levels of running services (API 3.32+)');
  registerBlockStorageLogLevelCommands(logLevel, factoryFor);
  registerAvailabilityZoneCommands(noun(noun(program, 'availability', 'Availability zones'), 'zone', 'Availability zones'), factoryFor);
  registerLimitsCommands(noun(program, 'limits', 'Project limits'), factoryFor);
  registerQuotaCommands(noun(program, 'quota', 'Block storage quotas'), factoryFor);
  registerMessageCommands(noun(program, 'message', ...MESSAGES), factoryFor);
  registerImageCommands(noun(program, 'image', 'Glance images (for volume create --image)'), factoryFor);
  registerTokenCommands(noun(program, 'token', 'Keystone tokens'), factoryFor);
  registerVersionsCommands(noun(program, 'versions', 'Block storage API versions'), factoryFor);
  registerExtensionCommands(noun(program, 'extension', 'Block storage API extensions'), factoryFor);
  addHelpCommand(program);
  addExamples(program, [
    'export OS_ENDPOINT=http://controller:8776 OS_PROJECT_ID=db135c4b5391422da5a55c81dfbf803d',
    'ucinder volume create --size 1 --type mmj2 --wait vol1',
    'ucinder volume list',
    'ucinder help volume create',
  ]);
  return program;
}

/** `volume type` (and its shortcut `type`): its verbs and its nouns `access` and `default`. */
function addVolumeTypeNoun(parent: Command, name: string, summary: string, factoryFor: FactoryProvider): void {
  const volumeType = noun(parent, name, summary);
  registerVolumeTypeCommands(volumeType, factoryFor);
  registerVolumeTypeAccessCommands(noun(volumeType, 'access', 'Projects that may use a private volume type'), factoryFor);
  registerVolumeTypeDefaultCommands(noun(volumeType, 'default', 'Per-project default volume types (API 3.62+)'), factoryFor);
}

/** A command that only groups others (`volume`, `volume type`, …). */
function noun(parent: Command, name: string, summary: string, description = summary): Command {
  return parent.command(name).summary(summary).description(description);
}
