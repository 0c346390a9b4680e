import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import {
  extendVolume,
  resetVolumeStatus,
  replaceVolumeMetadata,
  setVolumeImageMetadata,
  setVolumeMetadata,
  setVolumeReadOnly,
  updateVolume,
  MIGRATION_RESET_STATES,
  VOLUME_RESET_STATES,
  type VolumeStatusReset,
} from '../../api/resources/volume-actions.js';
import { setBootable } from '../../api/resources/volumes.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { noPropertyFlag } from '../../cli/no-property-option.js';
import { keyValue, positiveInteger, resourceName } from '../../cli/option-parsers.js';
import { choice, flag, option } from '../../cli/option-spec.js';
import { assertMigratable, retypeChange, settledStatuses } from '../../cli/volume-retype.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { checkOnlyStateChanges, runBulkStateReset } from '../../cli/bulk-state-reset.js';
import { NO_OUTPUT } from '../../output/result.js';
import { volumeLabel, waitForVolumeStatus } from '../../cli/wait/volume.js';

const VOLUME_SET_OPTIONS = {
  name: option('--name <name>', 'new name', { parse: resourceName, change: true }),
  description: option('--description <text>', 'new description', { change: true }),
  property: option('--property <key=value>', 'add or change a property (repeatable)', { parse: keyValue, change: true }),
  noProperty: noPropertyFlag({ change: true }),
  imageProperty: option('--image-property <key=value>', 'add or change an image property: what an instance booted from the volume sees (repeatable)', {
    parse: keyValue,
    change: true,
  }),
  size: option('--size <GiB>', 'extend to this size in GiB (larger than now; in-use volumes need API 3.42)', { parse: positiveInteger, change: true }),
  type: option('--type <type>', 'change the volume type (name or ID)', { change: true }),
  retypePolicy: choice('--retype-policy <policy>', "with --type: 'never' (default) or 'on-demand' to allow migrating to another backend", ['never', 'on-demand'], {
    needs: 'type',
  }),
  state: choice('--state <state>', 'reset the status in the database only (admin)', VOLUME_RESET_STATES, { change: true }),
  migrationStatus: choice(
    '--migration-status <status>',
    "reset the migration status in the database only (admin); 'none' clears it (cinder reset-state --reset-migration-status)",
    MIGRATION_RESET_STATES,
    { change: true },
  ),
  attached: flag('--attached', 'reset the attach status to attached (admin)', { conflicts: 'detached', change: true }),
  detached: flag('--detached', 'reset the attach status to detached (admin)', { change: true }),
  bootable: flag('--bootable', 'mark the volume bootable', { conflicts: 'nonBootable', change: true }),
  nonBootable: flag('--non-bootable', 'mark the volume not bootable', { change: true }),
  readOnly: flag('--read-only', 'attach read-only from now on', { conflicts: 'readWrite', change: true }),
  readWrite: flag('--read-write', 'attach read-write from now on', { change: true }),
  allProjects: ALL_PROJECTS_LOOKUP,
  ...waitOptions('an extend or retype has finished'),
};

/** What several volumes take at once, as cinder reset-state. */
const STATE_RESET_OPTIONS = ['state', 'migrationStatus', 'attached', 'detached'];

export function registerVolumeSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <volume...>',
      summary: 'Change a volume (name, properties, size, type, status, flags) or reset the state of several; applies every change, then reports failures',
      output: 'none',
      examples: [
        'ucinder volume set --name vol1-old --property owner=ops vol1',
        'ucinder volume set --size 20 --wait vol1',
        'ucinder volume set --type gold --retype-policy on-demand --wait vol1',
        'ucinder volume set --state available --detached stuck-vol',
        'ucinder volume set --state error vol1 vol2 vol3',
        'ucinder volume set --migration-status none --state available vol-after-failed-migration',
        'ucinder volume set --read-only --bootable vol1',
        'ucinder volume set --no-property --property owner=ops vol1',
        'ucinder volume set --image-property hw_disk_bus=scsi vol1',
      ],
      nothingToChange: 'give at least one of A, B, C',
      options: VOLUME_SET_OPTIONS,
      run: async ({ f, options, args: [volumeRefs] }) => {
        const reset = statusReset(options);
        if (volumeRefs.length > 1) {
          checkOnlyStateChanges('volume', VOLUME_SET_OPTIONS, options, STATE_RESET_OPTIONS);
          const session = await f.session();
          await runBulkStateReset(f, {
            noun: 'volume',
            nouns: 'volumes',
            items: volumeRefs,
            resetOne: async (volumeRef) => resetVolumeStatus(session, (await findVolume(session, volumeRef, { allProjects: options.allProjects, action: 'change' })).id, reset!),
          });
          return NO_OUTPUT;
        }
        const [volumeRef] = volumeRefs;
        const { size, type } = options;
        const session = await f.session();
        const volume = await findVolume(session, volumeRef, { allProjects: options.allProjects, action: 'change' });
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
        if (reset) changes.push({ what: 'reset the state', apply: () => resetVolumeStatus(session, volume.id, reset) });
        if (type) {
          // The status to return to is the one after a reset-state above, not the one we started from.
          changes.push(retypeChange(f, session, volume, { ...options, type, policy: options.retypePolicy ?? 'never', afterStateReset: options.state !== undefined }));
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

/** The os-reset_status body of --state, --migration-status, --attached and --detached; undefined when none is given. */
function statusReset(options: { state?: string; migrationStatus?: string; attached?: boolean; detached?: boolean }): VolumeStatusReset | undefined {
  if (!options.state && !options.migrationStatus && !options.attached && !options.detached) return undefined;
  const attach_status = options.attached ? 'attached' : options.detached ? 'detached' : undefined;
  return { status: options.state, attach_status, migration_status: options.migrationStatus };
}
