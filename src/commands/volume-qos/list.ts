import type { Command } from 'commander';
import { listQosAssociations, listQosSpecs, type QosSpec } from '../../api/resources/qos-specs.js';
import { mapSettledBounded } from '../../cli/bounded-map.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { ApiError } from '../../http/errors.js';
import { dictColumn, listColumn } from '../../output/columns.js';
import { listing, type Cell } from '../../output/result.js';

const COLUMNS = ['ID', 'Name', 'Consumer', 'Associations', 'Properties'] as const;

/**
 * openstack's Associations cell: the types' names; '' when there are none
 * (it leaves the field unset), None when the specification vanished while
 * being listed.
 */
async function associationsCell(session: Parameters<typeof listQosAssociations>[0], spec: QosSpec): Promise<Cell> {
  try {
    const associations = await listQosAssociations(session, spec.id);
    return associations.length ? listColumn(associations.map((association) => association.name)) : '';
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function registerQosList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List QoS specifications and the volume types each is associated with',
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume qos list', 'ucinder volume qos list -f json'],
      columns: () => COLUMNS,
      run: async ({ f }) => {
        const session = await f.session();
        const specs = await listQosSpecs(session);
        // One associations call per specification, as openstack makes them, a few at a time.
        const cells = await mapSettledBounded(specs, 8, (spec) => associationsCell(session, spec));
        const rows = specs.map((spec, index) => {
          const cell = cells[index]!;
          if (cell.status === 'rejected') throw cell.reason;
          return [spec.id, spec.name, spec.consumer, cell.value, dictColumn(spec.specs)];
        });
        return listing(COLUMNS, rows);
      },
    },
    factoryFor,
  );
}
