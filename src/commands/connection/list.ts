import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { listing } from '../../output/result.js';
import { connectionState } from '../../state/connection-entry.js';
import { openStore } from '../../cli/attach/cache.js';
import { targetSummary } from '../../cli/views/connection.js';

const COLUMNS = ['Name', 'ID', 'Protocol', 'Target', 'Device', 'State', 'Host', 'Project', 'Endpoint'] as const;

export function registerConnectionList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Record<string, never>>(
    parent,
    {
      usage: 'list',
      summary: 'List the cached connections of this host',
      output: 'listing',
      watchable: true,
      columns: () => COLUMNS,
      examples: ['ucinder connection list', 'ucinder connection list -f json', 'ucinder connection list -c Name -c Device -f value'],
      run: async ({ f }) => {
        const files = await (await openStore(f)).list();
        const rows = [];
        for (const file of files) {
          if (!file.entry) {
            f.warn(`skipping ${file.path}: ${file.problem}`);
            continue;
          }
          const { entry } = file;
          rows.push([
            entry.volume.name,
            entry.volume.id,
            entry.connection.driver_volume_type,
            targetSummary(entry),
            entry.device?.path ?? '',
            connectionState(entry),
            String(entry.connector.host ?? ''),
            entry.volume.project,
            entry.volume.endpoint,
          ]);
        }
        return listing(COLUMNS, rows);
      },
    },
    factoryFor,
  );
}
