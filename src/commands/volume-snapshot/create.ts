import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { createSnapshot } from '../../api/resources/snapshots.js';
import { manageSnapshot } from '../../api/resources/manageable.js';
import { waitUntilSnapshotManaged } from '../../cli/wait/manage.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { waitOptions, waitWithProgress } from '../../cli/wait/progress.js';
import { snapshotDetails } from '../../cli/views/snapshot.js';
import { snapshotTarget } from '../../cli/wait/snapshot.js';

export function registerSnapshotCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <name>',
      argumentParsers: { name: resourceName },
      summary: 'Create a snapshot of a volume',
      output: 'details',
      examples: [
        'ucinder volume snapshot create --volume vol1 snap1',
        'ucinder volume snapshot create --volume vol1 --force --wait snap1',
        'ucinder volume snapshot create --volume vol1 --property purpose=backup -f value -c id snap1',
        'ucinder volume snapshot create --volume adopted --remote-source source-name=snap7 --wait snap7',
      ],
      options: {
        volume: option('--volume <volume>', 'volume to snapshot, name or ID (default: the snapshot name)'),
        force: flag('--force', 'snapshot even if the volume is in use (needed before API 3.66)'),
        description: option('--description <text>', 'description'),
        property: option('--property <key=value>', 'metadata (repeatable)', { parse: keyValue }),
        remoteSource: option('--remote-source <key=value>', 'manage this existing backend snapshot of the volume instead, e.g. source-name=snap7 (admin; repeatable)', {
          parse: keyValue,
          conflicts: 'force',
        }),
        ...waitOptions('the snapshot is available'),
      },
      run: async ({ f, options, args: [name] }) => {
        const session = await f.session();
        const volume = await findVolume(session, options.volume ?? name);
        if (options.remoteSource) {
          const request = { volume_id: volume.id, ref: options.remoteSource, name, description: options.description, metadata: options.property };
          const accepted = await manageSnapshot(session, request);
          return snapshotDetails(options.wait ? await waitUntilSnapshotManaged(f, session, accepted, volume, options.remoteSource, options) : accepted.resource);
        }
        const snapshot = await createSnapshot(session, {
          volume_id: volume.id,
          name,
          description: options.description,
          force: options.force || undefined,
          metadata: options.property,
        });
        if (!options.wait) return snapshotDetails(snapshot);
        const target = snapshotTarget(session, snapshot, ['available']);
        const final = await waitWithProgress(f, target, options, {
          start: `Waiting for ${target.label} to become available`,
          done: `${target.label} is available`,
        });
        return snapshotDetails(final);
      },
    },
    factoryFor,
  );
}
