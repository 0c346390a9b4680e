import { Option, type Command } from 'commander';
import { volumePages, type VolumeListFilters } from '../../api/resources/volumes.js';
import { listResourceFilters, RESOURCE_FILTERS_MIN_VERSION } from '../../api/resources/resource-filters.js';
import type { CinderSession } from '../../api/session.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { Volume } from '../../api/resources/volumes.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { keyValue, positiveInteger } from '../../cli/option-parsers.js';
import { resolveProjectId, resolveUserId } from '../../cli/project-ref.js';
import type { Factory } from '../../cli/factory.js';
import { UsageError } from '../../errors.js';
import { dictColumn } from '../../output/columns.js';
import { streamingListing, type Cell } from '../../output/result.js';
import { attachmentsColumn } from '../../cli/views/volume.js';

interface Options {
  long?: boolean;
  allProjects?: boolean;
  name?: string;
  status?: string;
  limit?: number;
  marker?: string;
  pageSize?: number;
  project?: string;
  user?: string;
  property?: Record<string, string>;
  bootable?: boolean;
  nonBootable?: boolean;
  filter?: Record<string, string>;
}

/**
 * Query keys a dedicated flag sets (or that page the listing): a --filter
 * naming one would be overwritten silently, so it is refused instead.
 */
const FILTER_KEYS_OWNED_BY_FLAGS: Readonly<Record<string, string>> = {
  name: '--name',
  status: '--status',
  project_id: '--project',
  user_id: '--user',
  all_tenants: '--all-projects',
  metadata: '--property',
  bootable: '--bootable/--non-bootable',
  marker: '--marker',
  limit: '--limit',
  offset: '--marker',
  sort: '--sort-column',
  sort_key: '--sort-column',
  sort_dir: '--sort-column',
};

interface Column {
  header: string;
  value: (volume: Volume) => Cell;
}

const ID: Column = { header: 'ID', value: (v) => v.id };
const NAME: Column = { header: 'Name', value: (v) => v.name };
const PROJECT: Column = { header: 'Project', value: (v) => v['os-vol-tenant-attr:tenant_id'] };
const STATUS: Column = { header: 'Status', value: (v) => v.status };
const SIZE: Column = { header: 'Size', value: (v) => v.size };
const TYPE: Column = { header: 'Type', value: (v) => v.volume_type };
const BOOTABLE: Column = { header: 'Bootable', value: (v) => v.bootable };
const ATTACHED: Column = { header: 'Attached to', value: (v) => attachmentsColumn(v.attachments) };
const PROPERTIES: Column = { header: 'Properties', value: (v) => dictColumn(v.metadata) };
const HOST: Column = { header: 'Host', value: (v) => v['os-vol-host-attr:host'] };

/** openstack's columns in its order; ucinder's own (Host, Project) only after them, so positional reads of `-f value` still work. */
function columnsFor(options: Options): Column[] {
  const columns = options.long
    ? [ID, NAME, STATUS, SIZE, TYPE, BOOTABLE, ATTACHED, PROPERTIES, HOST]
    : [ID, NAME, STATUS, SIZE, ATTACHED];
  if (options.allProjects) columns.push(PROJECT);
  return columns;
}

function checkFilterKeys(filter: Record<string, string> | undefined): void {
  for (const key of Object.keys(filter ?? {})) {
    const flag = FILTER_KEYS_OWNED_BY_FLAGS[key];
    if (flag) throw new UsageError(`--filter ${key}=… is not a resource filter here: use ${flag}`);
  }
}

/**
 * Cinder silently drops a filter it does not know when an admin asks
 * (api_utils.remove_invalid_filter_options), so a typo would list every
 * volume: a script deleting what it lists must never see that. One GET of
 * the server's own list catches it first. `key~` (inexact, 3.34+) is
 * accepted wherever `key` is.
 */
async function checkServerFilters(session: CinderSession, filter: Record<string, string>): Promise<void> {
  const [volume] = await listResourceFilters(session, 'volume');
  const known = new Set(volume?.filters ?? []);
  const unknown = Object.keys(filter).filter((key) => !known.has(key) && !known.has(key.replace(/~$/, '')));
  if (unknown.length > 0) {
    throw new UsageError(
      `--filter ${unknown.join(', ')}: not a volume filter this server enables (it enables: ${[...known].join(', ') || 'none'})`,
    );
  }
}

async function listFilters(f: Factory, options: Options): Promise<VolumeListFilters> {
  return {
    allProjects: options.allProjects,
    name: options.name,
    status: options.status,
    projectId: options.project === undefined ? undefined : await resolveProjectId(f, options.project),
    userId: options.user === undefined ? undefined : await resolveUserId(f, options.user),
    metadata: options.property,
    bootable: options.bootable ? true : options.nonBootable ? false : undefined,
    extra: options.filter,
    limit: options.limit,
    marker: options.marker,
    pageSize: options.pageSize,
  };
}

export function registerVolumeList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List volumes',
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder volume list',
        'ucinder volume list --long --status available',
        'ucinder volume list --all-projects -f json',
        'ucinder volume list --name vol1 -f value -c ID',
        'ucinder volume list --all-projects --page-size 200 -f json > volumes.json',
        'ucinder volume list --property tier=gold --bootable',
        'ucinder volume list --all-projects --filter availability_zone=nova --filter size=1',
      ],
      configure: (command) =>
        command
          .option('--long', 'more columns: type, bootable, properties, host')
          .option('--all-projects', 'volumes of every project (admin)')
          .option('--name <name>', 'only volumes with this name')
          .option('--status <status>', 'only volumes in this status')
          .option('--project <project>', "only this project's volumes, name or ID (admin; implies --all-projects' query)")
          .option('--user <user>', "only this user's volumes, name or ID (admin)")
          .option('--property <key=value>', 'only volumes with this metadata (repeatable: all must match)', keyValue)
          .addOption(new Option('--bootable', 'only bootable volumes').conflicts('nonBootable'))
          .addOption(new Option('--non-bootable', 'only volumes that are not bootable').conflicts('bootable'))
          .option(
            '--filter <key=value>',
            "any resource filter the server enables (API 3.33+; `block storage resource filter show volume` lists them; key~=value for inexact matches where the key allows it) (repeatable)",
            keyValue,
          )
          .option('--limit <n>', 'list at most this many volumes', positiveInteger)
          .option('--marker <id>', 'start after the volume with this ID')
          .option('--page-size <n>', 'fetch this many volumes per request (default and cap: the server\'s osapi_max_limit, 1000)', positiveInteger),
      columns: (options) => columnsFor(options).map((column) => column.header),
      run: async ({ f, options }) => {
        checkFilterKeys(options.filter);
        // Names are resolved (or refused under noauth) before Cinder is asked anything.
        const filters = await listFilters(f, options);
        const session = await f.session();
        if (options.filter) {
          requireMicroversion(session, RESOURCE_FILTERS_MIN_VERSION, 'volume list --filter');
          await checkServerFilters(session, options.filter);
        }
        const pages = volumePages(session, filters);
        const columns = columnsFor(options);
        // Page by page: each page's volumes become rows and are dropped, so a
        // 10,000-volume listing never holds 10,000 API objects at once.
        async function* rows(): AsyncGenerator<Cell[][]> {
          for await (const page of pages) yield page.map((volume) => columns.map((column) => column.value(volume)));
        }
        return streamingListing(columns.map((column) => column.header), rows());
      },
    },
    factoryFor,
  );
}
