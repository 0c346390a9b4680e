import type { Command } from 'commander';
import { listImages, type Image } from '../../api/resources/images.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { UsageError } from '../../errors.js';
import { listing, type Value } from '../../output/result.js';


interface Options {
  long?: boolean;
  name?: string;
  limit?: number;
}

interface Column {
  header: string;
  value: (image: Image) => Value;
}

const SHORT: Column[] = [
  { header: 'ID', value: (i) => i.id },
  { header: 'Name', value: (i) => i.name },
  { header: 'Status', value: (i) => i.status },
];
const LONG: Column[] = [
  ...SHORT,
  { header: 'Disk Format', value: (i) => i.disk_format },
  { header: 'Container Format', value: (i) => i.container_format },
  { header: 'Size', value: (i) => i.size },
  { header: 'Visibility', value: (i) => i.visibility },
  { header: 'Protected', value: (i) => i.protected },
  { header: 'Owner', value: (i) => i.owner },
];

export function registerImageList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List Glance images (to pick one for volume create --image)',
      output: 'listing',
      examples: [
        'ucinder --os-image-endpoint http://controller:9292 image list',
        'ucinder image list --long',
        'ucinder image list --name cirros -f value -c ID',
      ],
      configure: (command) =>
        command
          .option('--long', 'also show formats, size, visibility, protection, owner')
          .option('--name <name>', 'only images with this name')
          .option('--limit <n>', 'at most this many images', positiveInteger),
      columns: (options) => (options.long ? LONG : SHORT).map((column) => column.header),
      run: async ({ f, options }) => {
        const glance = await f.glance();
        if (!glance) {
          throw new UsageError('no image service endpoint: give --os-image-endpoint (or OS_IMAGE_ENDPOINT), e.g. http://controller:9292, or authenticate with a catalog that lists Glance');
        }
        const columns = options.long ? LONG : SHORT;
        const images = await listImages(glance, { name: options.name, limit: options.limit });
        return listing(
          columns.map((column) => column.header),
          images.map((image) => columns.map((column) => column.value(image))),
        );
      },
    },
    factoryFor,
  );
}
