import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { listing } from '../../output/result.js';
import { connectionState } from '../../state/connection-entry.js';
import { openStore } from '../../cli/attach/cache.js';
import { targetSummary } from '../../cli/views/connection.js';

/** What fits a 120-column terminal (a volume name, its ID, the protocol, the state and the host). */
const COLUMNS = ['Name', 'ID', 'Protocol', 'State', 'Host'] as const;
/** --long: where the volume lives and which cloud it came from (an iSCSI target or device link alone is ~100 characters). */
const LONG_COLUMNS = ['Name', 'ID', 'Protocol', 'Target', 'Device', 'State', 'Host', 'Project', 'Endpoint'] as const;

export function registerConnectionList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List the cached connections of this host',
      output: 'listing',
      watchable: true,
      options: { long: flag('--long', 'also show the target, the device, the project and the endpoint') },
      columns: (options) => (options.long ? LONG_COLUMNS : COLUMNS),
      examples: ['ucinder connection list', 'ucinder connection list --long -f json', 'ucinder connection list --long -c Name -c Device -f value'],
      run: async ({ f, options }) => {
        const files = await (await openStore(f)).list();
        const rows = [];
        for (const file of files) {
          if (!file.entry) {
            f.warn(`skipping ${file.path}: ${file.problem}`);
            continue;
          }
          const { entry } = file;
          const row: Record<(typeof LONG_COLUMNS)[number], string> = {
            Name: entry.volume.name,
            ID: entry.volume.id,
            Protocol: entry.connection.driver_volume_type,
            Target: targetSummary(entry),
            Device: entry.device?.path ?? '',
            State: connectionState(entry),
            Host: String(entry.connector.host ?? ''),
            Project: entry.volume.project,
            Endpoint: entry.volume.endpoint,
          };
          rows.push((options.long ? LONG_COLUMNS : COLUMNS).map((column) => row[column]));
        }
        return listing(options.long ? LONG_COLUMNS : COLUMNS, rows);
      },
    },
    factoryFor,
  );
}
