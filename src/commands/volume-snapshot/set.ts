import type { Command } from 'commander';
import { findSnapshot } from '../../api/finders.js';
import { deleteSnapshotMetadata, resetSnapshotStatus, setSnapshotMetadata, SNAPSHOT_RESET_STATES, updateSnapshot } from '../../api/resources/snapshots.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { noPropertyFlag } from '../../cli/no-property-option.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { choice, option } from '../../cli/option-spec.js';
import { NO_OUTPUT } from '../../output/result.js';
import { checkOnlyStateChanges, runBulkStateReset } from '../../cli/bulk-state-reset.js';
import { snapshotLabel } from '../../cli/wait/snapshot.js';

const SNAPSHOT_SET_OPTIONS = {
  name: option('--name <name>', 'new name', { parse: resourceName, change: true }),
  description: option('--description <text>', 'new description', { change: true }),
  property: option('--property <key=value>', 'add or change a property (repeatable)', { parse: keyValue, change: true }),
  noProperty: noPropertyFlag({ change: true }),
  state: choice('--state <state>', 'reset the status in the database only (admin)', SNAPSHOT_RESET_STATES, { change: true }),
  allProjects: ALL_PROJECTS_LOOKUP,
};

export function registerSnapshotSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <snapshot...>',
      summary: 'Change a snapshot (name, description, properties, status) or reset the status of several (admin)',
      output: 'none',
      examples: [
        'ucinder volume snapshot set --name snap1-old --description "before upgrade" snap1',
        'ucinder volume snapshot set --property purpose=backup snap1',
        'ucinder volume snapshot set --no-property --property purpose=backup snap1',
        'ucinder volume snapshot set --state available stuck-snap',
        'ucinder volume snapshot set --state error snap1 snap2',
      ],
      nothingToChange: 'give A, B or C',
      options: SNAPSHOT_SET_OPTIONS,
      run: async ({ f, options, args: [snapshotRefs] }) => {
        const { name, description, property, noProperty, state } = options;
        if (snapshotRefs.length > 1) checkOnlyStateChanges('snapshot', SNAPSHOT_SET_OPTIONS, options, ['state']);
        const session = await f.session();
        if (snapshotRefs.length > 1) {
          await runBulkStateReset(f, {
            noun: 'snapshot',
            nouns: 'snapshots',
            items: snapshotRefs,
            resetOne: async (snapshotRef) =>
              resetSnapshotStatus(session, (await findSnapshot(session, snapshotRef, { allProjects: options.allProjects, action: 'change' })).id, state!),
          });
          return NO_OUTPUT;
        }
        const [snapshotRef] = snapshotRefs;
        const snapshot = await findSnapshot(session, snapshotRef, { allProjects: options.allProjects, action: 'change' });
        const changes: Change[] = [];
        // openstack's order: clear, then set, so --no-property --property replaces the properties.
        for (const key of noProperty ? Object.keys(snapshot.metadata ?? {}) : []) {
          changes.push({ what: `unset property '${key}'`, apply: () => deleteSnapshotMetadata(session, snapshot.id, key) });
        }
        if (property) changes.push({ what: 'set properties', apply: () => setSnapshotMetadata(session, snapshot.id, property).then(() => undefined) });
        if (state) changes.push({ what: 'reset the state', apply: () => resetSnapshotStatus(session, snapshot.id, state) });
        if (name !== undefined || description !== undefined) {
          changes.push({ what: 'update name or description', apply: () => updateSnapshot(session, snapshot.id, { name, description }).then(() => undefined) });
        }
        await applyChanges(f, snapshotLabel(snapshot), changes);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
