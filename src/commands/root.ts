import { Command } from 'commander';
import type { FactoryProvider } from '../cli/command.js';
import { addGlobalOptions } from '../cli/global-options.js';
import { addHelpCommand } from '../cli/help-command.js';
import { buildNoun, buildWholeTree, type LazyChild, type LazyNoun, type LazyVerbs } from '../cli/lazy-tree.js';
import type { IOStreams } from '../output/iostreams.js';
import { VERSION } from '../version.js';
import type { ShellOpener } from './shell/index.js';

/** Nouns reachable under two names (ucinder's short one and openstack's): summary, description. */
const CLUSTERS = ['Clusters of active/active services', 'Clusters of active/active services (API 3.7+)'] as const;
const MESSAGES = ['User messages about failed operations', 'User messages about failed operations (API 3.3+)'] as const;

/**
 * The program with the first level of its tree: ucinder's commands in the
 * openstack client's shape. Nouns further down are built when the command
 * line reaches them (cli/lazy-tree.ts), so `ucinder volume list` builds
 * `volume` and none of the other nouns; buildWholeProgram builds them all.
 */
export async function buildProgram(factoryFor: FactoryProvider, io: IOStreams, openShell?: ShellOpener): Promise<Command> {
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
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true);
  addGlobalOptions(program);
  await buildNoun(program, commandTree(factoryFor, openShell));
  program.addHelpText(
    'after',
    `
Examples:
  $ export OS_ENDPOINT=http://controller:8776 OS_PROJECT_ID=db135c4b5391422da5a55c81dfbf803d
  $ ucinder volume create --size 1 --type mmj2 --wait vol1
  $ ucinder volume list
  $ ucinder help volume create
`,
  );
  return program;
}

/** Every command built: for what reads the whole tree (completion scripts, the shell's TAB, tests). */
export async function buildWholeProgram(factoryFor: FactoryProvider, io: IOStreams, openShell?: ShellOpener): Promise<Command> {
  return buildWholeTree(await buildProgram(factoryFor, io, openShell));
}

type Register = (parent: Command, factoryFor: FactoryProvider) => void;

/**
 * The tree's nouns, in help order, made here in one place; each noun's
 * folder (commands/<noun words joined by dashes>/) registers its verbs, one
 * file per verb, so the file of `volume backend pool list` is
 * commands/volume-backend-pool/list.ts. A folder is imported only when its
 * noun is built.
 */
function commandTree(factoryFor: FactoryProvider, openShell: ShellOpener | undefined): LazyChild[] {
  const verbs = (load: () => Promise<Register>): LazyVerbs => ({
    verbs: async () => {
      const register = await load();
      return (parent) => register(parent, factoryFor);
    },
  });
  /** `text`: the summary its parent's help shows, or that and the noun's own description. */
  const noun = (name: string, text: string | readonly [summary: string, description: string], children: LazyChild[]): LazyNoun =>
    typeof text === 'string' ? { name, summary: text, children } : { name, summary: text[0], description: text[1], children };
  const clusters = (): LazyChild[] => [verbs(() => import('./cluster/index.js').then((m) => m.registerClusterCommands))];
  const messages = (): LazyChild[] => [verbs(() => import('./message/index.js').then((m) => m.registerMessageCommands))];
  const services = (): LazyChild[] => [verbs(() => import('./volume-service/index.js').then((m) => m.registerVolumeServiceCommands))];
  const pools = (): LazyChild[] => [verbs(() => import('./volume-backend-pool/index.js').then((m) => m.registerVolumeBackendPoolCommands))];
  /** `volume type` (and its shortcut `type`): its verbs and its nouns `access` and `default`. */
  const volumeType = (name: string, summary: string): LazyNoun =>
    noun(name, summary, [
      verbs(() => import('./volume-type/index.js').then((m) => m.registerVolumeTypeCommands)),
      noun('access', 'Projects that may use a private volume type', [
        verbs(() => import('./volume-type-access/index.js').then((m) => m.registerVolumeTypeAccessCommands)),
      ]),
      noun('default', 'Per-project default volume types (API 3.62+)', [
        verbs(() => import('./volume-type-default/index.js').then((m) => m.registerVolumeTypeDefaultCommands)),
      ]),
    ]);
  const transfers = 'Volume transfers between projects';
  const blockStorage = 'Block storage: clusters, cleanup, log levels, resource filters, manageable volumes and snapshots';

  return [
    noun('volume', 'Volumes, volume types and services', [
      verbs(() => import('./volume/index.js').then((m) => m.registerVolumeCommands)),
      volumeType('type', 'Volume types'),
      noun('service', 'Cinder services', services()),
      noun('snapshot', 'Volume snapshots', [verbs(() => import('./volume-snapshot/index.js').then((m) => m.registerVolumeSnapshotCommands))]),
      noun('attachment', 'Volume attachments (API 3.27+)', [
        verbs(() => import('./volume-attachment/index.js').then((m) => m.registerVolumeAttachmentCommands)),
      ]),
      noun('host', 'Volume backend hosts (freeze/thaw)', [verbs(() => import('./volume-host/index.js').then((m) => m.registerVolumeHostCommands))]),
      noun('transfer', transfers, [
        noun('request', transfers, [
          verbs(() => import('./volume-transfer-request/index.js').then((m) => m.registerVolumeTransferRequestCommands)),
        ]),
      ]),
      noun('qos', 'QoS specifications (and their volume types)', [verbs(() => import('./volume-qos/index.js').then((m) => m.registerVolumeQosCommands))]),
      noun('backup', 'Volume backups (cinder-backup)', [
        verbs(() => import('./volume-backup/index.js').then((m) => m.registerVolumeBackupCommands)),
        noun('record', 'Backup records, to move backups between Cinders', [
          verbs(() => import('./volume-backup-record/index.js').then((m) => m.registerVolumeBackupRecordCommands)),
        ]),
      ]),
      noun('backend', 'Backend pools and capabilities', [
        noun('pool', 'Backend pools', pools()),
        noun('capability', 'Backend capabilities', [
          verbs(() => import('./volume-backend-capability/index.js').then((m) => m.registerVolumeBackendCapabilityCommands)),
        ]),
      ]),
      // openstack's name for `message …`.
      noun('message', MESSAGES, messages()),
      noun('group', 'Generic volume groups (API 3.13+)', [
        verbs(() => import('./volume-group/index.js').then((m) => m.registerVolumeGroupCommands)),
        noun('type', 'Volume group types (API 3.11+)', [verbs(() => import('./volume-group-type/index.js').then((m) => m.registerVolumeGroupTypeCommands))]),
        noun('snapshot', 'Volume group snapshots (API 3.14+)', [
          verbs(() => import('./volume-group-snapshot/index.js').then((m) => m.registerVolumeGroupSnapshotCommands)),
        ]),
        noun('add', 'Add volumes to a volume group', [verbs(() => import('./volume-group-add/index.js').then((m) => m.registerVolumeGroupAddCommands))]),
        noun('remove', 'Remove volumes from a volume group', [
          verbs(() => import('./volume-group-remove/index.js').then((m) => m.registerVolumeGroupRemoveCommands)),
        ]),
      ]),
    ]),
    // The short wording: `ucinder type create`, `ucinder service list`.
    volumeType('type', "Shortcut for 'volume type'"),
    noun('service', "Shortcut for 'volume service'", services()),
    // The operator's first command, early in the help.
    verbs(() => import('./status/index.js').then((m) => m.registerStatusCommands)),
    noun(
      'completion',
      [
        'Shell completion scripts (bash, zsh)',
        'Print a shell completion script (bash or zsh); installing it: see "Shell completion" in docs/output-and-scripts.md',
      ],
      [verbs(() => import('./completion/index.js').then((m) => m.registerCompletionCommands))],
    ),
    {
      verbs: async () => {
        const { registerShellCommand } = await import('./shell/index.js');
        return (program) => registerShellCommand(program, openShell);
      },
    },
    verbs(() => import('./attach/index.js').then((m) => m.registerAttachCommands)),
    noun('connector', "This host's connector", [verbs(() => import('./connector/index.js').then((m) => m.registerConnectorCommands))]),
    noun('connection', 'Connections cached on this host (init-connect)', [
      verbs(() => import('./connection/index.js').then((m) => m.registerConnectionCommands)),
    ]),
    // The operators' wording "cinder list backend": `ucinder backend list` = `volume backend pool list`.
    noun('backend', "Shortcut: 'backend list' = 'volume backend pool list'", pools()),
    noun('cluster', CLUSTERS, clusters()),
    // openstack's name for `cluster …`.
    noun('block', blockStorage, [
      noun('storage', blockStorage, [
        noun('cluster', CLUSTERS, clusters()),
        verbs(() => import('./block-storage/index.js').then((m) => m.registerBlockStorageCommands)),
        noun('resource', 'Resource filters', [
          noun('filter', 'Filters each resource listing accepts (API 3.33+)', [
            verbs(() => import('./block-storage-resource-filter/index.js').then((m) => m.registerResourceFilterCommands)),
          ]),
        ]),
        noun('volume', 'Backend volumes Cinder could manage', [
          noun('manageable', 'Backend volumes Cinder could manage (API 3.8+)', [
            verbs(() => import('./block-storage-volume-manageable/index.js').then((m) => m.registerBlockStorageVolumeManageableCommands)),
          ]),
        ]),
        noun('snapshot', 'Backend snapshots Cinder could manage', [
          noun('manageable', 'Backend snapshots Cinder could manage (API 3.8+)', [
            verbs(() => import('./block-storage-snapshot-manageable/index.js').then((m) => m.registerBlockStorageSnapshotManageableCommands)),
          ]),
        ]),
        noun('log', 'Log levels of running services', [
          noun('level', 'Log levels of running services (API 3.32+)', [
            verbs(() => import('./block-storage-log-level/index.js').then((m) => m.registerBlockStorageLogLevelCommands)),
          ]),
        ]),
      ]),
    ]),
    noun('availability', 'Availability zones', [
      noun('zone', 'Availability zones', [verbs(() => import('./availability-zone/index.js').then((m) => m.registerAvailabilityZoneCommands))]),
    ]),
    noun('limits', 'Project limits', [verbs(() => import('./limits/index.js').then((m) => m.registerLimitsCommands))]),
    noun('quota', 'Block storage quotas', [verbs(() => import('./quota/index.js').then((m) => m.registerQuotaCommands))]),
    noun('message', MESSAGES, messages()),
    noun('image', 'Glance images (for volume create --image)', [verbs(() => import('./image/index.js').then((m) => m.registerImageCommands))]),
    noun('token', 'Keystone tokens', [verbs(() => import('./token/index.js').then((m) => m.registerTokenCommands))]),
    noun('versions', 'Block storage API versions', [verbs(() => import('./versions/index.js').then((m) => m.registerVersionsCommands))]),
    noun('extension', 'Block storage API extensions', [verbs(() => import('./extension/index.js').then((m) => m.registerExtensionCommands))]),
    { verbs: () => addHelpCommand },
  ];
}
