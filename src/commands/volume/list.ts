import type { Command } from 'commander';
import { volumePages } from '../../api/resources/volumes.js';
import type { Volume } from '../../api/types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
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
}

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
      ],
      configure: (command) =>
        command
          .option('--long', 'more columns: type, bootable, properties, host')
          .option('--all-projects', 'volumes of every project (admin)')
          .option('--name <name>', 'only volumes with this name')
          .option('--status <status>', 'only volumes in this status')
          .option('--limit <n>', 'list at most this many volumes', positiveInteger)
          .option('--marker <id>', 'start after the volume with this ID')
          .option('--page-size <n>', 'fetch this many volumes per request (default and cap: the server\'s osapi_max_limit, 1000)', positiveInteger),
      columns: (options) => columnsFor(options).map((column) => column.header),
      run: async ({ f, options }) => {
        const session = await f.session();
        const pages = volumePages(session, {
          allProjects: options.allProjects,
          name: options.name,
          status: options.status,
          limit: options.limit,
          marker: options.marker,
          pageSize: options.pageSize,
        });
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
