import type { Command } from 'commander';
import { ApiError } from '../../http/errors.js';
import { findVolume } from '../../api/finders.js';
import { deleteVolume, getVolume, listVolumes } from '../../api/resources/volumes.js';
import { unmanageVolume } from '../../api/resources/volume-actions.js';
import type { Volume } from '../../api/resources/volumes.js';
import { looksLikeUuid } from '../../api/uuid.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { deleteOrJoin } from '../../cli/deletion-under-way.js';
import { explainRefusedDelete } from '../../cli/volume-delete-refusal.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';
import { volumeLabel, volumeTarget } from '../../cli/wait/volume.js';

export function registerVolumeDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <volume...>',
      summary: 'Delete volumes (by name or ID); tries every one, then reports failures',
      output: 'none',
      examples: [
        'ucinder volume delete vol1',
        'ucinder volume delete vol1 vol2 --wait',
        'ucinder volume delete --cascade vol-with-snapshots',
        'ucinder volume delete --purge vol-with-snapshots',
        'ucinder volume delete --remote adopted',
      ],
      options: {
        force: flag('--force', 'delete whatever the volume state (admin)'),
        cascade: flag('--cascade', "also delete the volume's snapshots"),
        purge: flag('--purge', "openstack's name for --cascade"),
        remote: flag('--remote', 'unmanage: Cinder forgets the volume, the backend keeps it (admin)', { conflicts: ['force', 'cascade', 'purge'] }),
        concurrency: option('--concurrency <n>', 'delete this many volumes at a time (default 8)', { parse: positiveInteger }),
        ...waitOptions('the volumes are gone'),
      },
      run: async ({ f, options, args: [volumes] }) => {
        const session = await f.session();
        await runBulkDelete(f, {
          noun: 'volume',
          nouns: 'volumes',
          items: volumes,
          concurrency: options.concurrency ?? 8,
          describe: (item) => `volume with name or ID '${item}'`,
          deleteOne: async (nameOrId, note) => {
            const cascade = options.cascade === true || options.purge === true;
            const deleteOptions = { force: options.force, cascade };
            const send = async (volume: Volume) => {
              try {
                await deleteOrJoin({
                  send: () => (options.remote ? unmanageVolume(session, volume.id) : deleteVolume(session, volume.id, deleteOptions)),
                  fetchStatus: async () => (await getVolume(session, volume.id)).status,
                  label: volumeLabel(volume),
                  note,
                });
              } catch (error) {
                throw cascade || options.remote ? error : await explainRefusedDelete(session, volume, error);
              }
              return volume;
            };
            // An argument shaped like an ID is tried as one directly: one
            // request per volume instead of two (bulk deletes of IDs from
            // scripts are the common case). After a 404 the lookup below only
            // refuses: it never deletes another volume *named* like that ID.
            if (looksLikeUuid(nameOrId)) {
              try {
                return await send({ id: nameOrId, name: '' } as Volume);
              } catch (error) {
                if (!(error instanceof ApiError && error.status === 404)) throw error;
              }
            }
            return send(await findVolume(session, nameOrId, { action: 'delete' }));
          },
          pollTarget: (volume) => volumeTarget(session, volume, []),
          idOf: (volume) => volume.id,
          // The session's project only (all_tenants is admin-only): another
          // project's volume is not listed and is simply fetched each round.
          listDeleting: async () => new Set((await listVolumes(session, { status: options.remote ? 'unmanaging' : 'deleting' })).map((volume) => volume.id)),
          wait: options,
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
