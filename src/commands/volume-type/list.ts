import type { Command } from 'commander';
import { getDefaultVolumeType, listVolumeTypes } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { listing } from '../../output/result.js';
import { isPublic } from '../../cli/views/volume-type.js';

interface Options {
  long?: boolean;
  default?: boolean;
}

const SHORT = ['ID', 'Name', 'Is Public'] as const;
const LONG = [...SHORT, 'Description', 'Properties'] as const;

export function registerVolumeTypeList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List volume types (public and private)',
      output: 'listing',
      examples: ['ucinder volume type list', 'ucinder volume type list --long -f json', 'ucinder volume type list --default'],
      configure: (command) =>
        command
          .option('--long', 'also show description and properties (extra specs)')
          .option('--default', 'only the default type (what volumes get when no type is given)'),
      columns: (options) => (options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const session = await f.session();
        const types = options.default ? [await getDefaultVolumeType(session)] : await listVolumeTypes(session, { includePrivate: true });
        return listing(
          options.long ? LONG : SHORT,
          types.map((type) => {
            const row = [type.id, type.name, isPublic(type)];
            return options.long ? [...row, type.description ?? null, type.extra_specs ?? {}] : row;
          }),
        );
      },
    },
    factoryFor,
  );
}
