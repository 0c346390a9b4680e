import { Option, type Command } from 'commander';
import { findVolume, findVolumeType } from '../../api/finders.js';
import {
  extendVolume,
  resetVolumeStatus,
  retypeVolume,
  setVolumeMetadata,
  setVolumeReadOnly,
  updateVolume,
  VOLUME_RESET_STATES,
  type MigrationPolicy,
} from '../../api/resources/volume-actions.js';
import { getVolume, setBootable } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume, VolumeType } from '../../api/types.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { keyValue, positiveInteger, resourceName } from '../../cli/option-parsers.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { UsageError, WaitError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { latestMessage, volumeLabel, waitForVolumeStatus } from '../../cli/wait/volume.js';

interface Options extends WaitFlags {
  name?: string;
  description?: string;
  property?: Record<string, string>;
  size?: number;
  type?: string;
  retypePolicy?: MigrationPolicy;
  state?: string;
  attached?: boolean;
  detached?: boolean;
  bootable?: boolean;
  nonBootable?: boolean;
  readOnly?: boolean;
  readWrite?: boolean;
  allProjects?: boolean;
}

const CHANGE_FLAGS: (keyof Options)[] = [
  'name', 'description', 'property', 'size', 'type', 'state', 'attached', 'detached',
  'bootable', 'nonBootable', 'readOnly', 'readWrite',
];

/** Where a volume returns after extend or retype: the status it had before (never a transient one). */
function settledStatuses(volume: Volume): string[] {
  return volume.status === 'in-use' || volume.status === 'available' ? [volume.status] : ['available', 'in-use'];
}

function hasType(volume: Volume, type: VolumeType): boolean {
  return volume.volume_type_id === type.id || volume.volume_type === type.name;
}

/** Why the volume kept its type: Cinder's message if it left one, else what the volume shows. */
async function retypeFailure(session: CinderSession, volume: Volume, newType: VolumeType, policy: MigrationPolicy): Promise<string> {
  const reason = await latestMessage(session, volume.id).catch(() => undefined);
  const head = `${volumeLabel(volume)} was not retyped to '${newType.name}' (it still has type '${volume.volume_type}')`;
  if (reason) return `${head}: ${reason}`;
  if (policy === 'on-demand' && volume.migration_status === 'error') return `${head}: the migration to another backend failed (migration_status 'error'; see the cinder-volume log)`;
  if (policy === 'never') return `${head}: the scheduler found no valid backend; with --retype-policy never the new type must fit the current backend`;
  return `${head}: the scheduler found no valid backend`;
}

export function registerVolumeSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'set <volume>',
      summary: 'Change a volume: name, properties, size, type, status, flags; applies every change, then reports failures',
      output: 'none',
      examples: [
        'ucinder volume set --name vol1-old --property owner=ops vol1',
        'ucinder volume set --size 20 --wait vol1',
        'ucinder volume set --type gold --retype-policy on-demand --wait vol1',
        'ucinder volume set --state available --detached stuck-vol',
        'ucinder volume set --read-only --bootable vol1',
      ],
      configure: (command) => {
        command
          .option('--name <name>', 'new name', resourceName)
          .option('--description <text>', 'new description')
          .option('--property <key=value>', 'add or change a property (repeatable)', keyValue)
          .option('--size <GiB>', 'extend to this size in GiB (larger than now; in-use volumes need API 3.42)', positiveInteger)
          .option('--type <type>', 'change the volume type (name or ID)')
          .addOption(new Option('--retype-policy <policy>', "with --type: 'never' (default) or 'on-demand' to allow migrating to another backend").choices(['never', 'on-demand']))
          .addOption(new Option('--state <state>', 'reset the status in the database only (admin)').choices(VOLUME_RESET_STATES))
          .addOption(new Option('--attached', 'reset the attach status to attached (admin)').conflicts('detached'))
          .option('--detached', 'reset the attach status to detached (admin)')
          .addOption(new Option('--bootable', 'mark the volume bootable').conflicts('nonBootable'))
          .option('--non-bootable', 'mark the volume not bootable')
          .addOption(new Option('--read-only', 'attach read-only from now on').conflicts('readWrite'))
          .option('--read-write', 'attach read-write from now on')
          .option('--all-projects', 'look the name up in every project (admin)');
        addWaitOptions(command, 'an extend or retype has finished');
      },
      run: async ({ f, options, args }) => {
        if (options.retypePolicy && !options.type) throw new UsageError('--retype-policy needs --type');
        if (!CHANGE_FLAGS.some((flag) => options[flag] !== undefined)) {
          throw new UsageError(`nothing to change: give at least one of ${CHANGE_FLAGS.map((flag) => `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}`);
        }
        const session = await f.session();
        const volume = await findVolume(session, args[0]!, { allProjects: options.allProjects, action: 'change' });
        const label = volumeLabel(volume);
        const changes: Change[] = [];
        const { size, type } = options;

        if (size !== undefined) {
          changes.push({
            what: `extend to ${size} GiB`,
            apply: async () => {
              await extendVolume(session, volume.id, size);
              // A retype right after would find the volume still 'extending'.
              if (options.wait || type) await waitForVolumeStatus(f, session, volume, settledStatuses(volume), options, 'finish extending');
            },
          });
        }
        if (options.property) {
          const metadata = options.property;
          changes.push({ what: 'set properties', apply: () => setVolumeMetadata(session, volume.id, metadata).then(() => undefined) });
        }
        if (options.state || options.attached || options.detached) {
          const attach_status = options.attached ? 'attached' : options.detached ? 'detached' : undefined;
          changes.push({ what: 'reset the state', apply: () => resetVolumeStatus(session, volume.id, { status: options.state, attach_status }) });
        }
        if (type) {
          changes.push({
            what: `change the type to '${type}'`,
            apply: async () => {
              const newType = await findVolumeType(session, type);
              // The status after a reset-state above, not the one we started from.
              const before = options.state ? await getVolume(session, volume.id) : volume;
              const policy = options.retypePolicy ?? 'never';
              await retypeVolume(session, volume.id, newType.id, policy);
              if (!options.wait) return;
              const after = await waitForVolumeStatus(f, session, volume, settledStatuses(before), options, 'finish retyping');
              // A refused or failed retype also ends back in the old status, often without a user message.
              if (!hasType(after, newType)) throw new WaitError(await retypeFailure(session, after, newType, policy));
            },
          });
        }
        if (options.name !== undefined || options.description !== undefined) {
          const update = { name: options.name, description: options.description };
          changes.push({ what: 'update the name or description', apply: () => updateVolume(session, volume.id, update).then(() => undefined) });
        }
        if (options.bootable || options.nonBootable) {
          changes.push({ what: 'change the bootable flag', apply: () => setBootable(session, volume.id, options.bootable === true).then(() => undefined) });
        }
        if (options.readOnly || options.readWrite) {
          changes.push({ what: 'change the read-only flag', apply: () => setVolumeReadOnly(session, volume.id, options.readOnly === true) });
        }
        await applyChanges(f, label, changes);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
