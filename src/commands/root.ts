import { Command } from 'commander';
import type { FactoryProvider } from '../cli/command.js';
import { addGlobalOptions } from '../cli/global-options.js';
import { addHelpCommand } from '../cli/help-command.js';
import { addExamples } from '../cli/help-sections.js';
import { configureHelpLayout } from '../cli/help-layout.js';
import { buildWholeTree, declareChildren, type LazyChild, type LazyNoun, type LazyVerb } from '../cli/lazy-tree.js';
import type { IOStreams } from '../output/iostreams.js';
import { VERSION } from '../version.js';
import { VERBS as ATTACH } from './attach/index.js';
import { VERBS as AVAILABILITY_ZONE } from './availability-zone/index.js';
import { VERBS as BLOCK_STORAGE } from './block-storage/index.js';
import { VERBS as BLOCK_STORAGE_LOG_LEVEL } from './block-storage-log-level/index.js';
import { VERBS as BLOCK_STORAGE_RESOURCE_FILTER } from './block-storage-resource-filter/index.js';
import { VERBS as BLOCK_STORAGE_SNAPSHOT_MANAGEABLE } from './block-storage-snapshot-manageable/index.js';
import { VERBS as BLOCK_STORAGE_VOLUME_MANAGEABLE } from './block-storage-volume-manageable/index.js';
import { VERBS as CLUSTER } from './cluster/index.js';
import { VERBS as COMPLETION } from './completion/index.js';
import { VERBS as CONNECTION } from './connection/index.js';
import { VERBS as CONNECTOR } from './connector/index.js';
import { VERBS as EXTENSION } from './extension/index.js';
import { VERBS as IMAGE } from './image/index.js';
import { VERBS as LIMITS } from './limits/index.js';
import { VERBS as MESSAGE } from './message/index.js';
import { VERBS as QUOTA } from './quota/index.js';
import { VERBS as STATUS } from './status/index.js';
import { VERBS as TOKEN } from './token/index.js';
import { VERBS as VERSIONS } from './versions/index.js';
import { VERBS as VOLUME } from './volume/index.js';
import { VERBS as VOLUME_ATTACHMENT } from './volume-attachment/index.js';
import { VERBS as VOLUME_BACKEND_CAPABILITY } from './volume-backend-capability/index.js';
import { VERBS as VOLUME_BACKEND_POOL } from './volume-backend-pool/index.js';
import { VERBS as VOLUME_BACKUP } from './volume-backup/index.js';
import { VERBS as VOLUME_BACKUP_RECORD } from './volume-backup-record/index.js';
import { VERBS as VOLUME_GROUP } from './volume-group/index.js';
import { VERBS as VOLUME_GROUP_ADD } from './volume-group-add/index.js';
import { VERBS as VOLUME_GROUP_REMOVE } from './volume-group-remove/index.js';
import { VERBS as VOLUME_GROUP_REPLICATION_TARGET } from './volume-group-replication-target/index.js';
import { VERBS as VOLUME_GROUP_SNAPSHOT } from './volume-group-snapshot/index.js';
import { VERBS as VOLUME_GROUP_TYPE } from './volume-group-type/index.js';
import { VERBS as VOLUME_HOST } from './volume-host/index.js';
import { VERBS as VOLUME_QOS } from './volume-qos/index.js';
import { VERBS as VOLUME_SERVICE } from './volume-service/index.js';
import { VERBS as VOLUME_SNAPSHOT } from './volume-snapshot/index.js';
import { VERBS as VOLUME_TRANSFER_REQUEST } from './volume-transfer-request/index.js';
import { VERBS as VOLUME_TYPE } from './volume-type/index.js';
import { VERBS as VOLUME_TYPE_ACCESS } from './volume-type-access/index.js';
import { VERBS as VOLUME_TYPE_DEFAULT } from './volume-type-default/index.js';
import type { ShellOpener } from './shell/index.js';
import type { TopOpener } from './top/index.js';
import type { VerbTable } from './verbs.js';

/** Nouns reachable under two names (ucinder's short one and openstack's): summary, description. */
const CLUSTERS = ['Clusters of active/active services', 'Clusters of active/active services (API 3.7+)'] as const;
const MESSAGES = ['User messages about failed operations', 'User messages about failed operations (API 3.3+)'] as const;

/**
 * The program, ucinder's commands in the openstack client's shape, with
 * nothing built below it yet: the tree grows as far as a command line
 * reaches (cli/lazy-tree.ts; main builds the first word's branch), so
 * `ucinder volume list` builds `volume`, its nouns' names and `list`, and
 * none of the other commands. buildWholeProgram builds them all.
 */
/** The interactive programs main loads on demand (the command tree sits below them and cannot import them). */
export interface Openers {
  shell?: ShellOpener;
  top?: TopOpener;
}

export function buildProgram(factoryFor: FactoryProvider, io: IOStreams, openers: Openers = {}): Command {
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
  declareChildren(program, commandTree(factoryFor, openers));
  addExamples(program, [
    'export OS_ENDPOINT=http://controller:8776 OS_PROJECT_ID=db135c4b5391422da5a55c81dfbf803d',
    'ucinder volume create --size 1 --type mmj2 --wait vol1',
    'ucinder volume list',
    'ucinder help volume create',
  ]);
  return program;
}

/** Every command built: for what reads the whole tree (completion scripts, the shell's TAB, tests). */
export async function buildWholeProgram(factoryFor: FactoryProvider, io: IOStreams, openers: Openers = {}): Promise<Command> {
  return buildWholeTree(buildProgram(factoryFor, io, openers));
}

/**
 * The tree, in help order, made here in one place: the nouns, and the verbs
 * of each noun's folder (commands/<noun words joined by dashes>/index.ts
 * names them, one file per verb), so the file of `volume backend pool list`
 * is commands/volume-backend-pool/list.ts. A verb's file is imported only
 * when its command is built.
 */
function commandTree(factoryFor: FactoryProvider, openers: Openers): LazyChild[] {
  const verbs = (table: VerbTable): LazyVerb[] =>
    Object.entries(table).map(([verb, load]) => ({
      verb,
      load: async () => {
        const register = await load();
        return (parent) => register(parent, factoryFor);
      },
    }));
  /** `text`: the summary its parent's help shows, or that and the noun's own description. */
  const noun = (name: string, text: string | readonly [summary: string, description: string], children: LazyChild[]): LazyNoun =>
    typeof text === 'string' ? { name, summary: text, children } : { name, summary: text[0], description: text[1], children };
  const clusters = (): LazyChild[] => verbs(CLUSTER);
  const messages = (): LazyChild[] => verbs(MESSAGE);
  const services = (): LazyChild[] => verbs(VOLUME_SERVICE);
  const pools = (): LazyChild[] => verbs(VOLUME_BACKEND_POOL);
  /** `volume type` (and its shortcut `type`): its verbs and its nouns `access` and `default`. */
  const volumeType = (name: string, summary: string): LazyNoun =>
    noun(name, summary, [
      ...verbs(VOLUME_TYPE),
      noun('access', 'Projects that may use a private volume type', [...verbs(VOLUME_TYPE_ACCESS)]),
      noun('default', 'Per-project default volume types (API 3.62+)', [...verbs(VOLUME_TYPE_DEFAULT)]),
    ]);
  const transfers = 'Volume transfers between projects';
  const blockStorage = 'Block storage: clusters, cleanup, log levels, resource filters, manageable volumes and snapshots';

  return [
    noun('volume', 'Volumes, volume types and services', [
      ...verbs(VOLUME),
      volumeType('type', 'Volume types'),
      noun('service', 'Cinder services', services()),
      noun('snapshot', 'Volume snapshots', verbs(VOLUME_SNAPSHOT)),
      noun('attachment', 'Volume attachments (API 3.27+)', [...verbs(VOLUME_ATTACHMENT)]),
      noun('host', 'Volume backend hosts (freeze/thaw)', verbs(VOLUME_HOST)),
      noun('transfer', transfers, [noun('request', transfers, [...verbs(VOLUME_TRANSFER_REQUEST)])]),
      noun('qos', 'QoS specifications (and their volume types)', verbs(VOLUME_QOS)),
      noun('backup', 'Volume backups (cinder-backup)', [
        ...verbs(VOLUME_BACKUP),
        noun('record', 'Backup records, to move backups between Cinders', [...verbs(VOLUME_BACKUP_RECORD)]),
      ]),
      noun('backend', 'Backend pools and capabilities', [
        noun('pool', 'Backend pools', pools()),
        noun('capability', 'Backend capabilities', [...verbs(VOLUME_BACKEND_CAPABILITY)]),
      ]),
      // openstack's name for `message …`.
      noun('message', MESSAGES, messages()),
      noun('group', 'Generic volume groups (API 3.13+)', [
        ...verbs(VOLUME_GROUP),
        noun('type', 'Volume group types (API 3.11+)', verbs(VOLUME_GROUP_TYPE)),
        noun('snapshot', 'Volume group snapshots (API 3.14+)', [...verbs(VOLUME_GROUP_SNAPSHOT)]),
        noun('add', 'Add volumes to a volume group', verbs(VOLUME_GROUP_ADD)),
        noun('remove', 'Remove volumes from a volume group', [...verbs(VOLUME_GROUP_REMOVE)]),
        noun('replication', 'Replication of volume groups', [noun('target', 'Replication targets of a volume group (API 3.38+)', verbs(VOLUME_GROUP_REPLICATION_TARGET))]),
      ]),
    ]),
    // The short wording: `ucinder type create`, `ucinder service list`.
    volumeType('type', "Shortcut for 'volume type'"),
    noun('service', "Shortcut for 'volume service'", services()),
    // The operator's first command, early in the help.
    ...verbs(STATUS),
    noun(
      'completion',
      ['Shell completion scripts (bash, zsh, fish)', 'Print a shell completion script (bash, zsh or fish); installing it: see "Shell completion" in docs/output-and-scripts.md'],
      verbs(COMPLETION),
    ),
    {
      verb: 'shell',
      load: async () => {
        const { registerShellCommand } = await import('./shell/index.js');
        return (program) => registerShellCommand(program, openers.shell);
      },
    },
    {
      verb: 'top',
      load: async () => {
        const { registerTopCommand } = await import('./top/index.js');
        return (program) => registerTopCommand(program, openers.top);
      },
    },
    ...verbs(ATTACH),
    noun('connector', "This host's connector", verbs(CONNECTOR)),
    noun('connection', 'Connections cached on this host (init-connect)', [...verbs(CONNECTION)]),
    // The operators' wording "cinder list backend": `ucinder backend list` = `volume backend pool list`.
    noun('backend', "Shortcut: 'backend list' = 'volume backend pool list'", pools()),
    noun('cluster', CLUSTERS, clusters()),
    // openstack's name for `cluster …`.
    noun('block', blockStorage, [
      noun('storage', blockStorage, [
        noun('cluster', CLUSTERS, clusters()),
        ...verbs(BLOCK_STORAGE),
        noun('resource', 'Resource filters', [noun('filter', 'Filters each resource listing accepts (API 3.33+)', [...verbs(BLOCK_STORAGE_RESOURCE_FILTER)])]),
        noun('volume', 'Backend volumes Cinder could manage', [noun('manageable', 'Backend volumes Cinder could manage (API 3.8+)', [...verbs(BLOCK_STORAGE_VOLUME_MANAGEABLE)])]),
        noun('snapshot', 'Backend snapshots Cinder could manage', [
          noun('manageable', 'Backend snapshots Cinder could manage (API 3.8+)', [...verbs(BLOCK_STORAGE_SNAPSHOT_MANAGEABLE)]),
        ]),
        noun('log', 'Log levels of running services', [noun('level', 'Log levels of running services (API 3.32+)', [...verbs(BLOCK_STORAGE_LOG_LEVEL)])]),
      ]),
    ]),
    noun('availability', 'Availability zones', [noun('zone', 'Availability zones', verbs(AVAILABILITY_ZONE))]),
    noun('limits', 'Project limits', verbs(LIMITS)),
    noun('quota', 'Block storage quotas', verbs(QUOTA)),
    noun('message', MESSAGES, messages()),
    noun('image', 'Glance images: list them (for volume create --image), upload a volume as one', verbs(IMAGE)),
    noun('token', 'Keystone tokens', verbs(TOKEN)),
    noun('versions', 'Block storage API versions', verbs(VERSIONS)),
    noun('extension', 'Block storage API extensions', verbs(EXTENSION)),
    { verb: 'help', load: () => addHelpCommand },
  ];
}
