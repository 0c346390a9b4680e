import type { Command } from 'commander';
import { listPools, type Pool } from '../../api/resources/pools.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option, type OptionValues } from '../../cli/option-spec.js';
import { columnListing, headersOf, type Column } from '../../output/column-table.js';
import type { Value } from '../../output/result.js';

const OPTIONS = {
  long: flag('--long', 'capability columns: backend name, vendor, protocol, capacity, volumes, state'),
  // Not enforced: an older Cinder ignores the filter and lists every pool.
  volumeType: option('--volume-type <type>', 'only pools a volume of this type could be placed on (API 3.28+)'),
};

const capability =
  (key: string) =>
  (pool: Pool): Value =>
    (pool.capabilities?.[key] as Value) ?? null;

const NAME: Column<Pool> = { header: 'Name', value: (pool) => pool.name };
const LONG_ONLY: Column<Pool>[] = [
  { header: 'Backend Name', value: capability('volume_backend_name') },
  { header: 'Vendor', value: capability('vendor_name') },
  { header: 'Protocol', value: capability('storage_protocol') },
  { header: 'Total GiB', value: capability('total_capacity_gb') },
  { header: 'Free GiB', value: capability('free_capacity_gb') },
  { header: 'Allocated GiB', value: capability('allocated_capacity_gb') },
  { header: 'Provisioned GiB', value: capability('provisioned_capacity_gb') },
  { header: 'Volumes', value: capability('total_volumes') },
  { header: 'Thin', value: capability('thin_provisioning_support') },
  { header: 'Max Over Ratio', value: capability('max_over_subscription_ratio') },
  { header: 'State', value: capability('backend_state') },
];

function columnsFor(options: OptionValues<typeof OPTIONS>): Column<Pool>[] {
  return options.long ? [NAME, ...LONG_ONLY] : [NAME];
}

/** `volume backend pool list` — what operators call "cinder list backend". */
export function registerBackendPoolList(parent: Command, factoryFor: FactoryProvider, usage = 'list'): Command {
  return defineCommand(
    parent,
    {
      usage,
      summary: 'List backend pools the scheduler knows, with capacity (admin)',
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder volume backend pool list',
        'ucinder volume backend pool list --long',
        'ucinder volume backend pool list --long -f json',
        'ucinder volume backend pool list --volume-type mmj2',
      ],
      options: OPTIONS,
      columns: (options) => headersOf(columnsFor(options)),
      run: async ({ f, options }) => {
        const session = await f.session();
        const pools = await listPools(session, { volumeType: options.volumeType });
        return columnListing(columnsFor(options), pools, undefined);
      },
    },
    factoryFor,
  );
}
