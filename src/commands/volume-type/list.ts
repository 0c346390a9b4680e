import { Option, type Command } from 'commander';
import { getDefaultVolumeType, listVolumeTypes } from '../../api/resources/volume-types.js';
import type { VolumeType } from '../../api/types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { dictColumn } from '../../output/columns.js';
import { listing, type Cell } from '../../output/result.js';
import { isPublic } from '../../cli/views/volume-type.js';

interface Options {
  long?: boolean;
  default?: boolean;
  public?: boolean;
  private?: boolean;
}

/** openstack's columns and headers, in its order. */
const SHORT = ['ID', 'Name', 'Is Public'] as const;
const LONG = [...SHORT, 'Description', 'Properties'] as const;

function row(type: VolumeType, long: boolean | undefined): Cell[] {
  const short: Cell[] = [type.id, type.name, isPublic(type)];
  return long ? [...short, type.description ?? null, dictColumn(type.extra_specs)] : short;
}

/** Which types: public and private alike unless --public or --private (Cinder's is_public filter). */
function visibility(options: Options): 'public' | 'private' | 'all' {
  return options.public ? 'public' : options.private ? 'private' : 'all';
}

export function registerVolumeTypeList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List volume types (public and private)',
      output: 'listing',
      examples: [
        'ucinder volume type list',
        'ucinder volume type list --long -f json',
        'ucinder volume type list --default',
        'ucinder volume type list --private -f value -c Name',
      ],
      configure: (command) =>
        command
          .option('--long', 'also show description and properties (extra specs)')
          .addOption(new Option('--default', 'only the default type (what volumes get when no type is given)').conflicts(['public', 'private']))
          .addOption(new Option('--public', 'only public types').conflicts(['default', 'private']))
          .addOption(new Option('--private', 'only private types (admin)').conflicts(['default', 'public'])),
      columns: (options) => (options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const session = await f.session();
        const types = options.default ? [await getDefaultVolumeType(session)] : await listVolumeTypes(session, { visibility: visibility(options) });
        return listing(options.long ? LONG : SHORT, types.map((type) => row(type, options.long)));
      },
    },
    factoryFor,
  );
}
