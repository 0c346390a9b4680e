import type { Command } from 'commander';
import { listImages, type Image } from '../../api/resources/images.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { sortItems, sortKeys, type SortKey } from '../../cli/sort-items.js';
import { UsageError } from '../../errors.js';
import { listColumn } from '../../output/columns.js';
import { listing, type Cell } from '../../output/result.js';

interface Options {
  long?: boolean;
  name?: string;
  limit?: number;
  sort: SortKey[];
}

interface Column {
  header: string;
  value: (image: Image) => Cell;
}

/** The openstack client's columns (image/v2 ListImage), in its order. */
const SHORT: Column[] = [
  { header: 'ID', value: (i) => i.id },
  { header: 'Name', value: (i) => i.name },
  { header: 'Status', value: (i) => i.status },
];
const LONG: Column[] = [
  { header: 'ID', value: (i) => i.id },
  { header: 'Name', value: (i) => i.name },
  { header: 'Disk Format', value: (i) => i.disk_format ?? null },
  { header: 'Container Format', value: (i) => i.container_format ?? null },
  { header: 'Size', value: (i) => i.size ?? null },
  { header: 'Checksum', value: (i) => i.checksum ?? null },
  { header: 'Status', value: (i) => i.status },
  { header: 'Visibility', value: (i) => i.visibility ?? null },
  { header: 'Protected', value: (i) => i.protected ?? null },
  { header: 'Project', value: (i) => i.owner ?? null },
  { header: 'Tags', value: (i) => listColumn(i.tags as string[] | undefined) },
];

/** As the openstack client: sorted by name unless --sort says otherwise. */
const BY_NAME: SortKey[] = [{ key: 'name', descending: false }];

export function registerImageList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List Glance images (to pick one for volume create --image)',
      output: 'listing',
      examples: [
        'ucinder --os-image-endpoint http://controller:9292 image list',
        'ucinder image list --long',
        'ucinder image list --name cirros -f value -c ID',
        'ucinder image list --sort created_at:desc',
      ],
      configure: (command) =>
        command
          .option('--long', 'also show formats, size, checksum, visibility, protection, project, tags')
          .option('--name <name>', 'only images with this name')
          .option('--limit <n>', 'at most this many images', positiveInteger)
          .option('--sort <key>[:<direction>]', "sort by Glance's fields, comma-separated, direction asc or desc (default: name:asc)", sortKeys, BY_NAME),
      columns: (options) => (options.long ? LONG : SHORT).map((column) => column.header),
      run: async ({ f, options }) => {
        const glance = await f.glance();
        if (!glance) {
          throw new UsageError('no image service endpoint: give --os-image-endpoint (or OS_IMAGE_ENDPOINT), e.g. http://controller:9292, or authenticate with a catalog that lists Glance');
        }
        const columns = options.long ? LONG : SHORT;
        const images = sortItems(await listImages(glance, { name: options.name, limit: options.limit }), options.sort);
        return listing(
          columns.map((column) => column.header),
          images.map((image) => columns.map((column) => column.value(image))),
        );
      },
    },
    factoryFor,
  );
}
