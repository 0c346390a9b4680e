import type { Command } from 'commander';
import { listImages, type Image } from '../../api/resources/images.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { sortItems, sortKeys, type SortKey } from '../../cli/sort-items.js';
import { UsageError } from '../../errors.js';
import { listColumn } from '../../output/columns.js';
import { columnListing, headersOf, type Column } from '../../output/column-table.js';

/** The openstack client's columns (image/v2 ListImage), in its order. */
const SHORT: Column<Image>[] = [
  { header: 'ID', value: (i) => i.id },
  { header: 'Name', value: (i) => i.name },
  { header: 'Status', value: (i) => i.status },
];
const LONG: Column<Image>[] = [
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
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List Glance images (to pick one for volume create --image)',
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder --os-image-endpoint http://controller:9292 image list',
        'ucinder image list --long',
        'ucinder image list --name cirros -f value -c ID',
        'ucinder image list --sort created_at:desc',
      ],
      options: {
        long: flag('--long', 'also show formats, size, checksum, visibility, protection, project, tags'),
        name: option('--name <name>', 'only images with this name'),
        limit: option('--limit <n>', 'at most this many images', { parse: positiveInteger }),
        sort: option('--sort <key>[:<direction>]', "sort by Glance's fields, comma-separated, direction asc or desc (default: name:asc)", {
          parse: sortKeys,
          default: BY_NAME,
        }),
      },
      columns: (options) => headersOf(options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const glance = await f.glance();
        if (!glance) {
          throw new UsageError(
            'no image service endpoint: give --os-image-endpoint (or OS_IMAGE_ENDPOINT), e.g. http://controller:9292, or authenticate with a catalog that lists Glance',
          );
        }
        const images = sortItems(await listImages(glance, { name: options.name, limit: options.limit }), options.sort);
        return columnListing(options.long ? LONG : SHORT, images, undefined);
      },
    },
    factoryFor,
  );
}
