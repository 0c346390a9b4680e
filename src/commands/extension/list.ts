import type { Command } from 'commander';
import { listExtensions, type Extension } from '../../api/resources/extensions.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import { listing, type Cell, type Value } from '../../output/result.js';

const SHORT = ['Name', 'Alias', 'Description'] as const;
const LONG = [...SHORT, 'Namespace', 'Updated', 'Links'] as const;

export function registerExtensionList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List the Block Storage API extensions',
      output: 'listing',
      watchable: true,
      examples: ['ucinder extension list', 'ucinder extension list --long -f json'],
      options: {
        long: flag('--long', 'more columns: namespace, updated, links'),
        // Scripts written for openstack pass --volume to list block storage extensions only.
        volume: flag('--volume', 'block storage extensions (the only ones ucinder lists; accepted for openstack scripts)'),
        compute: flag('--compute', 'refused: ucinder talks to block storage only'),
        identity: flag('--identity', 'refused: ucinder talks to block storage only'),
        network: flag('--network', 'refused: ucinder talks to block storage only'),
      },
      columns: (options) => (options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const other = (['compute', 'identity', 'network'] as const).find((service) => options[service]);
        if (other) throw new UsageError(`--${other}: ucinder lists block storage extensions only (use --volume or no flag)`);
        const session = await f.session();
        const extensions = await listExtensions(session);
        return listing(
          options.long ? LONG : SHORT,
          extensions.map((extension) => row(extension, Boolean(options.long))),
        );
      },
    },
    factoryFor,
  );
}

/** A field Cinder leaves out prints empty, as openstack's get_item_properties prints it. */
function row(extension: Extension, long: boolean): Cell[] {
  const short: Cell[] = [extension.name, extension.alias, extension.description];
  if (!long) return short;
  return [...short, extension.namespace ?? '', extension.updated ?? '', (extension.links ?? '') as Value];
}
