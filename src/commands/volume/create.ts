import type { Command } from 'commander';
import { findBackup, findSnapshot, findVolume } from '../../api/finders.js';
import { findGroup } from '../../api/group-finders.js';
import { MANAGE_CLUSTER_MIN_VERSION } from '../../api/resources/manageable.js';
import { createVolume, getVolume, setBootable } from '../../api/resources/volumes.js';
import { setVolumeReadOnly } from '../../api/resources/volume-actions.js';
import type { Volume, VolumeCreateRequest } from '../../api/resources/volumes.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { keyValue, positiveInteger, resourceName } from '../../cli/option-parsers.js';
import { UsageError } from '../../errors.js';
import { resolveImageRef } from '../../cli/image-ref.js';
import { checkRemoteSource, createFromRemoteSource } from '../../cli/manage-volume.js';
import { volumeDetails } from '../../cli/views/volume.js';
import { WAIT_TIMEOUT_OPTION } from '../../cli/wait/progress.js';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, waitUntilAvailable } from '../../cli/wait/volume.js';

export function registerVolumeCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <name>',
      argumentParsers: { name: resourceName },
      summary: 'Create a volume',
      output: 'details',
      examples: [
        'ucinder volume create --size 1 vol1',
        'ucinder volume create --size 1 --type mmj2 --wait vol1',
        'ucinder volume create --source vol1 vol1-clone',
        'ucinder volume create --snapshot snap1 --size 2 vol-from-snap',
        'ucinder volume create --backup vol1-monday --wait vol1-restored',
        'ucinder volume create --image c0a27c4d-151f-484a-937c-dd35d4d3cefa --size 8 --bootable vol4',
        'ucinder --os-image-endpoint http://controller:9292 volume create --image cirros --size 1 vol5',
        'ucinder volume create --size 1 --hint different_host=vol1 vol2',
        'ucinder volume create --size 1 --read-only vol-ro',
        'ucinder volume create --remote-source source-name=lun7 --host node1@mmj#mmj --wait adopted',
      ],
      options: {
        size: option('--size <GiB>', 'size in GiB (required unless --snapshot or --source)', { parse: positiveInteger }),
        type: option('--type <type>', 'volume type (name or ID)'),
        image: option('--image <image>', 'create from this Glance image (ID; a name needs a Glance endpoint: --os-image-endpoint or the catalog)', {
          conflicts: ['snapshot', 'source'],
        }),
        snapshot: option('--snapshot <snapshot>', 'create from this snapshot (name or ID)', { conflicts: 'source' }),
        source: option('--source <volume>', 'clone this volume (name or ID)'),
        backup: option('--backup <backup>', 'restore this backup into the new volume (name or ID)', { conflicts: ['image', 'snapshot', 'source'], since: '3.47' }),
        availabilityZone: option('--availability-zone <zone>', 'availability zone'),
        group: option('--group <group>', 'create the volume in this volume group (name or ID)', { since: '3.13' }),
        description: option('--description <text>', 'description'),
        property: option('--property <key=value>', 'metadata (repeatable)', { parse: keyValue }),
        hint: option('--hint <key=value>', 'a scheduler hint, e.g. same_host=VOLUME_ID or different_host=VOLUME_ID (repeatable)', { parse: keyValue }),
        bootable: flag('--bootable', 'mark the volume bootable', { conflicts: 'nonBootable' }),
        nonBootable: flag('--non-bootable', 'mark the volume not bootable'),
        readOnly: flag('--read-only', 'attach read-only (waits until the volume is available: Cinder changes the flag only then)', { conflicts: 'readWrite' }),
        readWrite: flag('--read-write', 'attach read-write, the default (waits until the volume is available)'),
        wait: flag('--wait', 'wait until the volume is available; fail with the reason if it ends in error'),
        waitTimeout: WAIT_TIMEOUT_OPTION,
        remoteSource: option('--remote-source <key=value>', 'manage this existing backend volume instead, e.g. source-name=lun7 (admin; repeatable)', { parse: keyValue }),
        host: option('--host <host>', 'with --remote-source: the backend holding it (host@backend#pool)'),
        cluster: option('--cluster <cluster>', 'with --remote-source: the cluster holding it (cluster@backend#pool)', { since: MANAGE_CLUSTER_MIN_VERSION }),
      },
      run: async ({ f, options, args: [name] }) => {
        const otherSources = (['size', 'image', 'snapshot', 'source', 'backup'] as const).filter((flag) => options[flag] !== undefined).map((flag) => `--${flag}`);
        checkRemoteSource(options, otherSources);
        if (options.remoteSource) {
          const bootable = options.bootable ? true : options.nonBootable ? false : undefined;
          return volumeDetails(await createFromRemoteSource(f, options.remoteSource, options, { ...options, name, bootable }));
        }
        if (options.size === undefined && !options.snapshot && !options.source && !options.backup) {
          throw new UsageError('--size is required unless --snapshot, --source or --backup is given');
        }
        const session = await f.session();
        const request: VolumeCreateRequest = {
          name,
          size: options.size,
          description: options.description,
          volume_type: options.type,
          availability_zone: options.availabilityZone,
          metadata: options.property,
        };
        if (options.image) request.imageRef = await resolveImageRef(f, options.image);
        if (options.snapshot) request.snapshot_id = (await findSnapshot(session, options.snapshot)).id;
        if (options.source) request.source_volid = (await findVolume(session, options.source)).id;
        if (options.backup) request.backup_id = (await findBackup(session, options.backup)).id;
        if (options.group) request.group_id = (await findGroup(session, options.group)).id;
        let volume: Volume = await createVolume(session, request, options.hint);
        if (options.bootable || options.nonBootable) {
          await setBootable(session, volume.id, options.bootable === true);
        }
        const readOnly = options.readOnly ? true : options.readWrite ? false : undefined;
        if (options.wait || readOnly !== undefined) {
          volume = await waitUntilAvailable(f, session, volume, options.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_SECONDS);
        }
        if (readOnly !== undefined) {
          await setVolumeReadOnly(session, volume.id, readOnly);
          volume = await getVolume(session, volume.id);
        } else if (!options.wait && (options.bootable || options.nonBootable)) {
          volume = await getVolume(session, volume.id);
        }
        return volumeDetails(volume);
      },
    },
    factoryFor,
  );
}
