import { Option, type Command } from 'commander';
import { findBackup, findSnapshot, findVolume } from '../../api/finders.js';
import { findGroup } from '../../api/group-finders.js';
import { createVolume, getVolume, setBootable } from '../../api/resources/volumes.js';
import type { Volume, VolumeCreateRequest } from '../../api/resources/volumes.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { keyValue, positiveInteger, positiveSeconds, resourceName } from '../../cli/option-parsers.js';
import { UsageError } from '../../errors.js';
import { resolveImageRef } from '../../cli/image-ref.js';
import { checkRemoteSource, createFromRemoteSource, type RemoteSourceOptions } from '../../cli/manage-volume.js';
import { volumeDetails } from '../../cli/views/volume.js';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, waitUntilAvailable } from '../../cli/wait/volume.js';

interface Options extends RemoteSourceOptions {
  size?: number;
  type?: string;
  image?: string;
  snapshot?: string;
  source?: string;
  backup?: string;
  availabilityZone?: string;
  description?: string;
  property?: Record<string, string>;
  bootable?: boolean;
  nonBootable?: boolean;
  wait?: boolean;
  waitTimeout?: number;
  group?: string;
}

export function registerVolumeCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'create <name>',
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
        'ucinder volume create --remote-source source-name=lun7 --host node1@mmj#mmj --wait adopted',
      ],
      configure: (command) => {
        command.registeredArguments[0]?.argParser(resourceName);
        command
          .option('--size <GiB>', 'size in GiB (required unless --snapshot or --source)', positiveInteger)
          .option('--type <type>', 'volume type (name or ID)')
          .addOption(new Option('--image <image>', 'create from this Glance image (ID; a name needs a Glance endpoint: --os-image-endpoint or the catalog)').conflicts(['snapshot', 'source']))
          .addOption(new Option('--snapshot <snapshot>', 'create from this snapshot (name or ID)').conflicts(['source']))
          .option('--source <volume>', 'clone this volume (name or ID)')
          .addOption(new Option('--backup <backup>', 'restore this backup into the new volume (name or ID; API 3.47)').conflicts(['image', 'snapshot', 'source']))
          .option('--availability-zone <zone>', 'availability zone')
          .option('--group <group>', 'create the volume in this volume group (name or ID; API 3.13+)')
          .option('--description <text>', 'description')
          .option('--property <key=value>', 'metadata (repeatable)', keyValue)
          .addOption(new Option('--bootable', 'mark the volume bootable').conflicts('nonBootable'))
          .option('--non-bootable', 'mark the volume not bootable')
          .option('--wait', 'wait until the volume is available; fail with the reason if it ends in error')
          .option('--wait-timeout <seconds>', `give up waiting after this long (default ${DEFAULT_WAIT_TIMEOUT_SECONDS})`, positiveSeconds)
          .option('--remote-source <key=value>', 'manage this existing backend volume instead, e.g. source-name=lun7 (admin; repeatable)', keyValue)
          .option('--host <host>', 'with --remote-source: the backend holding it (host@backend#pool)')
          .option('--cluster <cluster>', 'with --remote-source: the cluster holding it (cluster@backend#pool; API 3.16+)');
      },
      run: async ({ f, options, args }) => {
        const name = args[0]!;
        const otherSources = (['size', 'image', 'snapshot', 'source', 'backup'] as const).filter((flag) => options[flag] !== undefined).map((flag) => `--${flag}`);
        checkRemoteSource(options, otherSources);
        if (options.remoteSource) {
          const bootable = options.bootable ? true : options.nonBootable ? false : undefined;
          return volumeDetails(await createFromRemoteSource(f, options, { ...options, name, bootable }));
        }
        if (options.size === undefined && !options.snapshot && !options.source && !options.backup) {
          throw new UsageError('--size is required unless --snapshot, --source or --backup is given');
        }
        const session = await f.session();
        if (options.backup) requireMicroversion(session, '3.47', '--backup');
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
        if (options.group) {
          requireMicroversion(session, '3.13', '--group');
          request.group_id = (await findGroup(session, options.group)).id;
        }
        let volume: Volume = await createVolume(session, request);
        if (options.bootable || options.nonBootable) {
          await setBootable(session, volume.id, options.bootable === true);
        }
        if (options.wait) {
          volume = await waitUntilAvailable(f, session, volume, options.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_SECONDS);
        } else if (options.bootable || options.nonBootable) {
          volume = await getVolume(session, volume.id);
        }
        return volumeDetails(volume);
      },
    },
    factoryFor,
  );
}
