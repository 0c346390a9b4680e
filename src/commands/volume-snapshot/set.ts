import { Option, type Command } from 'commander';
import { findSnapshot } from '../../api/finders.js';
import { deleteSnapshotMetadata, resetSnapshotStatus, setSnapshotMetadata, SNAPSHOT_RESET_STATES, updateSnapshot } from '../../api/resources/snapshots.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { noPropertyOption } from '../../cli/no-property-option.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { snapshotLabel } from '../../cli/wait/snapshot.js';

interface Options {
  name?: string;
  description?: string;
  property?: Record<string, string>;
  noProperty?: boolean;
  state?: string;
  allProjects?: boolean;
}

export function registerSnapshotSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'set <snapshot>',
      summary: 'Change a snapshot: name, description, properties, status (admin)',
      output: 'none',
      examples: [
        'ucinder volume snapshot set --name snap1-old --description "before upgrade" snap1',
        'ucinder volume snapshot set --property purpose=backup snap1',
        'ucinder volume snapshot set --no-property --property purpose=backup snap1',
        'ucinder volume snapshot set --state available stuck-snap',
      ],
      configure: (command) =>
        command
          .option('--name <name>', 'new name', resourceName)
          .option('--description <text>', 'new description')
          .option('--property <key=value>', 'add or change a property (repeatable)', keyValue)
          .addOption(noPropertyOption())
          .addOption(new Option('--state <state>', 'reset the status in the database only (admin)').choices(SNAPSHOT_RESET_STATES))
          .option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const { name, description, property, noProperty, state } = options;
        if (name === undefined && description === undefined && !property && !noProperty && !state) {
          throw new UsageError('nothing to change: give --name, --description, --property, --no-property or --state');
        }
        const session = await f.session();
        const snapshot = await findSnapshot(session, args[0]!, { allProjects: options.allProjects, action: 'change' });
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
