import type { Command } from 'commander';
import { volumePages, type VolumeListFilters } from '../../api/resources/volumes.js';
import type { Volume } from '../../api/resources/volumes.js';
import { RESOURCE_FILTERS_MIN_VERSION } from '../../api/resources/resource-filters.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { keyValue, positiveInteger } from '../../cli/option-parsers.js';
import { flag, option, type OptionValues } from '../../cli/option-spec.js';
import { resolveProjectId, resolveUserId } from '../../cli/project-ref.js';
import type { Factory } from '../../cli/factory.js';
import { checkFilterKeys, checkServerFilters } from '../../cli/volume-filters.js';
import { headersOf, rowOf, type Column } from '../../output/column-table.js';
import { dictColumn } from '../../output/columns.js';
import { streamingListing, type Cell } from '../../output/result.js';
import { attachmentsColumn } from '../../cli/views/volume.js';

const OPTIONS = {
  long: flag('--long', 'more columns: type, bootable, properties, host'),
  allProjects: flag('--all-projects', 'volumes of every project (admin)'),
  name: option('--name <name>', 'only volumes with this name'),
  status: option('--status <status>', 'only volumes in this status'),
  project: option('--project <project>', "only this project's volumes, name or ID (admin; implies --all-projects' query)"),
  user: option('--user <user>', "only this user's volumes, name or ID (admin)"),
  property: option('--property <key=value>', 'only volumes with this metadata (repeatable: all must match)', { parse: keyValue }),
  bootable: flag('--bootable', 'only bootable volumes', { conflicts: 'nonBootable' }),
  nonBootable: flag('--non-bootable', 'only volumes that are not bootable', { conflicts: 'bootable' }),
  filter: option(
    '--filter <key=value>',
    'any resource filter the server enables (`block storage resource filter show volume` lists them; key~=value for inexact matches where the key allows it) (repeatable)',
    { parse: keyValue, since: { version: RESOURCE_FILTERS_MIN_VERSION, feature: 'volume list --filter' } },
  ),
  limit: option('--limit <n>', 'list at most this many volumes', { parse: positiveInteger }),
  marker: option('--marker <id>', 'start after the volume with this ID'),
  pageSize: option('--page-size <n>', "fetch this many volumes per request (default and cap: the server's osapi_max_limit, 1000)", { parse: positiveInteger }),
};
type Options = OptionValues<typeof OPTIONS>;

const ID: Column<Volume> = { header: 'ID', value: (v) => v.id };
const NAME: Column<Volume> = { header: 'Name', value: (v) => v.name };
const PROJECT: Column<Volume> = { header: 'Project', value: (v) => v['os-vol-tenant-attr:tenant_id'] };
const STATUS: Column<Volume> = { header: 'Status', value: (v) => v.status };
const SIZE: Column<Volume> = { header: 'Size', value: (v) => v.size };
const TYPE: Column<Volume> = { header: 'Type', value: (v) => v.volume_type };
const BOOTABLE: Column<Volume> = { header: 'Bootable', value: (v) => v.bootable };
const ATTACHED: Column<Volume> = { header: 'Attached to', value: (v) => attachmentsColumn(v.attachments) };
const PROPERTIES: Column<Volume> = { header: 'Properties', value: (v) => dictColumn(v.metadata) };
const HOST: Column<Volume> = { header: 'Host', value: (v) => v['os-vol-host-attr:host'] };

/** openstack's columns in its order; ucinder's own (Host, Project) only after them, so positional reads of `-f value` still work. */
function columnsFor(options: Options): Column<Volume>[] {
  const columns = options.long ? [ID, NAME, STATUS, SIZE, TYPE, BOOTABLE, ATTACHED, PROPERTIES, HOST] : [ID, NAME, STATUS, SIZE, ATTACHED];
  if (options.allProjects) columns.push(PROJECT);
  return columns;
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
  return defineCommand(
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
      options: OPTIONS,
      columns: (options) => headersOf(columnsFor(options)),
      run: async ({ f, options }) => {
        checkFilterKeys(options.filter);
        // Names are resolved (or refused under noauth) before Cinder is asked anything.
        const filters = await listFilters(f, options);
        const session = await f.session();
        if (options.filter) await checkServerFilters(session, options.filter);
        const pages = volumePages(session, filters);
        const columns = columnsFor(options);
        // Page by page: each page's volumes become rows and are dropped, so a
        // 10,000-volume listing never holds 10,000 API objects at once.
        async function* rows(): AsyncGenerator<Cell[][]> {
          for await (const page of pages) yield page.map((volume) => rowOf(columns, volume, undefined));
        }
        return streamingListing(headersOf(columns), rows());
      },
    },
    factoryFor,
  );
}
