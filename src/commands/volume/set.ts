import { Option, type Command } from 'commander';
import { findVolume, findVolumeType } from '../../api/finders.js';
import {
  extendVolume,
  resetVolumeStatus,
  replaceVolumeMetadata,
  retypeVolume,
  setVolumeImageMetadata,
  setVolumeMetadata,
  setVolumeReadOnly,
  updateVolume,
  MIGRATION_RESET_STATES,
  VOLUME_RESET_STATES,
  type MigrationPolicy,
  type VolumeStatusReset,
} from '../../api/resources/volume-actions.js';
import { listSnapshots } from '../../api/resources/snapshots.js';
import { getVolume, setBootable } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';
import type { VolumeType } from '../../api/resources/volume-types.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { noPropertyOption } from '../../cli/no-property-option.js';
import { keyValue, positiveInteger, resourceName } from '../../cli/option-parsers.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { UcinderError, UsageError, WaitError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { loggedUnder, messageForRequest, schedulerService, volumeNow, volumeServiceOf } from '../../cli/wait/failure-logs.js';
import { volumeLabel, waitForVolumeStatus } from '../../cli/wait/volume.js';

interface Options extends WaitFlags {
  name?: string;
  description?: string;
  property?: Record<string, string>;
  noProperty?: boolean;
  imageProperty?: Record<string, string>;
  size?: number;
  type?: string;
  retypePolicy?: MigrationPolicy;
  state?: string;
  migrationStatus?: string;
  attached?: boolean;
  detached?: boolean;
  bootable?: boolean;
  nonBootable?: boolean;
  readOnly?: boolean;
  readWrite?: boolean;
  allProjects?: boolean;
}

const CHANGE_FLAGS: (keyof Options)[] = [
  'name', 'description', 'property', 'noProperty', 'imageProperty', 'size', 'type', 'state', 'migrationStatus', 'attached', 'detached',
  'bootable', 'nonBootable', 'readOnly', 'readWrite',
];

/** Where a volume returns after extend or retype: the status it had before (never a transient one). */
function settledStatuses(volume: Volume): string[] {
  return volume.status === 'in-use' || volume.status === 'available' ? [volume.status] : ['available', 'in-use'];
}

function hasType(volume: Volume, type: VolumeType): boolean {
  return volume.volume_type_id === type.id || volume.volume_type === type.name;
}

/**
 * Why the volume kept its type, as far as it is known: Cinder's message
 * about this request if it left one (Zed leaves none for retypes), else what
 * the volume shows and whose log has the reason. From cinder/scheduler/
 * manager.py and cinder/volume/manager.py: the scheduler gives up when no
 * backend accepts the type (with policy never: when the volume's own
 * backend does not); the volume's cinder-volume gives up when its driver
 * cannot change the type in place (policy never), or when the migration
 * fails (migration_status 'error') or cannot start.
 */
async function retypeFailure(session: CinderSession, before: Volume, after: Volume, newType: VolumeType, policy: MigrationPolicy, requestId: string | undefined): Promise<string> {
  const head = `${volumeLabel(after)} was not retyped to '${newType.name}' (it still has type '${after.volume_type}')`;
  const message = await messageForRequest(session, after.id, requestId);
  if (message) return `${head}: ${message}`;
  const volumeService = volumeServiceOf(after);
  let where: string;
  if (after.migration_status === 'error' && before.migration_status !== 'error') {
    where = `Its migration to another backend failed: ${loggedUnder(requestId)} in the log of ${volumeService}, the volume's backend`;
  } else {
    const scheduler = await schedulerService(session);
    where = policy === 'never'
      ? `${loggedUnder(requestId)}: ${scheduler} if the new type does not fit the volume's backend (with --retype-policy never the volume stays there), ` +
        `else ${volumeService} if its driver could not change the type in place`
      : `${loggedUnder(requestId)}: ${scheduler} if no backend accepts the new type, else ${volumeService}`;
  }
  return `${head}; Cinder left no user message. ${volumeNow(after)} ${where}`;
}

/** Replication statuses with which Cinder still migrates a volume (volume/manager.py retype). */
const MIGRATABLE_REPLICATION = [null, undefined, 'disabled', 'not-capable'];

/**
 * Cinder's volume service refuses to migrate a volume that has snapshots or
 * is replicated, and a retype that needs a migration then fails after the
 * request was accepted, with no user message. Both show in the API, so an
 * on-demand retype of such a volume is refused here before any change.
 */
async function assertMigratable(session: CinderSession, volume: Volume): Promise<void> {
  const refusal = (why: string, advice: string) =>
    new UcinderError(
      `${volumeLabel(volume)} ${why}: a retype with --retype-policy on-demand that needs another backend would fail, leaving no user message. ` +
        `Nothing was changed. ${advice}`,
    );
  if (!MIGRATABLE_REPLICATION.includes(volume.replication_status)) {
    throw refusal(
      `is replicated (replication_status '${volume.replication_status}'), and Cinder does not migrate a replicated volume`,
      'Use --retype-policy never if the new type fits the current backend',
    );
  }
  // Snapshots of the volume in any project (all_tenants is ignored for non-admins).
  const snapshots = await listSnapshots(session, { volumeId: volume.id, allProjects: true });
  if (snapshots.length) {
    throw refusal(
      `has ${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'} (${snapshots.map((snapshot) => snapshot.name || snapshot.id).join(', ')}), ` +
        'and Cinder does not migrate a volume with snapshots',
      `Delete the snapshot${snapshots.length === 1 ? '' : 's'} first, or use --retype-policy never if the new type fits the current backend`,
    );
  }
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
        'ucinder volume set --migration-status none --state available vol-after-failed-migration',
        'ucinder volume set --read-only --bootable vol1',
        'ucinder volume set --no-property --property owner=ops vol1',
        'ucinder volume set --image-property hw_disk_bus=scsi vol1',
      ],
      configure: (command) => {
        command
          .option('--name <name>', 'new name', resourceName)
          .option('--description <text>', 'new description')
          .option('--property <key=value>', 'add or change a property (repeatable)', keyValue)
          .addOption(noPropertyOption())
          .option('--image-property <key=value>', 'add or change an image property: what an instance booted from the volume sees (repeatable)', keyValue)
          .option('--size <GiB>', 'extend to this size in GiB (larger than now; in-use volumes need API 3.42)', positiveInteger)
          .option('--type <type>', 'change the volume type (name or ID)')
          .addOption(new Option('--retype-policy <policy>', "with --type: 'never' (default) or 'on-demand' to allow migrating to another backend").choices(['never', 'on-demand']))
          .addOption(new Option('--state <state>', 'reset the status in the database only (admin)').choices(VOLUME_RESET_STATES))
          .addOption(
            new Option('--migration-status <status>', "reset the migration status in the database only (admin); 'none' clears it (cinder reset-state --reset-migration-status)")
              .choices(MIGRATION_RESET_STATES),
          )
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
        const { size, type } = options;
        const session = await f.session();
        const volume = await findVolume(session, args[0]!, { allProjects: options.allProjects, action: 'change' });
        if (type && options.retypePolicy === 'on-demand') await assertMigratable(session, volume);
        const label = volumeLabel(volume);
        const changes: Change[] = [];

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
        if (options.noProperty) {
          // One PUT replaces the whole set: --no-property alone clears it, with --property it becomes exactly those.
          const metadata = options.property ?? {};
          changes.push({ what: 'replace the properties', apply: () => replaceVolumeMetadata(session, volume.id, metadata).then(() => undefined) });
        } else if (options.property) {
          const metadata = options.property;
          changes.push({ what: 'set properties', apply: () => setVolumeMetadata(session, volume.id, metadata).then(() => undefined) });
        }
        if (options.imageProperty) {
          const metadata = options.imageProperty;
          changes.push({ what: 'set image properties', apply: () => setVolumeImageMetadata(session, volume.id, metadata) });
        }
        if (options.state || options.migrationStatus || options.attached || options.detached) {
          const attach_status = options.attached ? 'attached' : options.detached ? 'detached' : undefined;
          const reset: VolumeStatusReset = { status: options.state, attach_status, migration_status: options.migrationStatus };
          changes.push({ what: 'reset the state', apply: () => resetVolumeStatus(session, volume.id, reset) });
        }
        if (type) {
          changes.push({
            what: `change the type to '${type}'`,
            apply: async () => {
              const newType = await findVolumeType(session, type);
              // The status after a reset-state above, not the one we started from.
              const before = options.state ? await getVolume(session, volume.id) : volume;
              const policy = options.retypePolicy ?? 'never';
              const requestId = await retypeVolume(session, volume.id, newType.id, policy);
              if (!options.wait) return;
              const after = await waitForVolumeStatus(f, session, volume, settledStatuses(before), options, 'finish retyping');
              // A refused or failed retype also ends back in the old status, without a user message.
              if (!hasType(after, newType)) throw new WaitError(await retypeFailure(session, before, after, newType, policy, requestId));
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
