import type { Command } from 'commander';
import { getTypeEncryption } from '../../api/resources/volume-type-encryption.js';
import { getDefaultVolumeType, listVolumeTypes } from '../../api/resources/volume-types.js';
import type { VolumeType } from '../../api/resources/volume-types.js';
import { mapSettledBounded } from '../../cli/bounded-map.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option, type OptionValues } from '../../cli/option-spec.js';
import { keyValue } from '../../cli/option-parsers.js';
import { specShortcutOptions, specsWithShortcuts } from '../../cli/type-spec-shortcuts.js';
import { encryptionListCell, isPublic } from '../../cli/views/volume-type.js';
import { UsageError } from '../../errors.js';
import { dictColumn } from '../../output/columns.js';
import { listing, type Cell } from '../../output/result.js';

/** Cinder filters types by extra specs from this microversion on (--property and its shortcuts). */
const BY_PROPERTY = { version: '3.52', feature: 'filtering volume types by property' };

const OPTIONS = {
  long: flag('--long', 'also show description and properties (extra specs)'),
  default: flag('--default', 'only the default type (what volumes get when no type is given)', { conflicts: ['public', 'private'] }),
  public: flag('--public', 'only public types', { conflicts: ['default', 'private'] }),
  private: flag('--private', 'only private types (admin)', { conflicts: ['default', 'public'] }),
  property: option('--property <key=value>', 'only types with this extra spec (repeatable)', { parse: keyValue, since: BY_PROPERTY }),
  encryptionType: flag('--encryption-type', 'add an Encryption column (admin)'),
  ...specShortcutOptions('filter', { since: BY_PROPERTY }),
};
type Options = OptionValues<typeof OPTIONS>;

/** openstack's columns and headers, in its order; --encryption-type adds Encryption last. */
const SHORT = ['ID', 'Name', 'Is Public'] as const;
const LONG = [...SHORT, 'Description', 'Properties'] as const;

function columns(options: Options): readonly string[] {
  const base = options.long ? LONG : SHORT;
  return options.encryptionType ? [...base, 'Encryption'] : base;
}

function row(type: VolumeType, long: boolean | undefined): Cell[] {
  const short: Cell[] = [type.id, type.name, isPublic(type)];
  return long ? [...short, type.description ?? null, dictColumn(type.extra_specs)] : short;
}

/** Which types: public and private alike unless --public or --private (Cinder's is_public filter). */
function visibility(options: Options): 'public' | 'private' | 'all' {
  return options.public ? 'public' : options.private ? 'private' : 'all';
}

export function registerVolumeTypeList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List volume types (public and private)',
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder volume type list',
        'ucinder volume type list --long -f json',
        'ucinder volume type list --default',
        'ucinder volume type list --private -f value -c Name',
        'ucinder volume type list --property volume_backend_name=mmj2 --multiattach',
        'ucinder volume type list --encryption-type',
      ],
      options: OPTIONS,
      columns,
      run: async ({ f, options }) => {
        const extraSpecs = specsWithShortcuts(options.property, options);
        if (extraSpecs && options.default)
          throw new UsageError('--default lists the one default type: it takes no --property, --multiattach, --cacheable, --replicated or --availability-zone');
        const session = await f.session();
        const types = options.default ? [await getDefaultVolumeType(session)] : await listVolumeTypes(session, { visibility: visibility(options), extraSpecs });
        const rows = types.map((type) => row(type, options.long));
        if (options.encryptionType) {
          // One call per type (Cinder has no listing of encryptions), a few at a time.
          const encryptions = await mapSettledBounded(types, 8, (type) => getTypeEncryption(session, type.id));
          rows.forEach((cells, index) => {
            const result = encryptions[index]!;
            if (result.status === 'rejected') throw result.reason;
            cells.push(encryptionListCell(result.value));
          });
        }
        return listing(columns(options), rows);
      },
    },
    factoryFor,
  );
}
