import type { Command } from 'commander';
import { findSnapshot } from '../../api/finders.js';
import { deleteSnapshotMetadata } from '../../api/resources/snapshots.js';
import type { FactoryProvider } from '../../cli/command.js';
import { definePropertyUnset } from '../../cli/property-unset.js';
import { snapshotLabel } from '../../cli/wait/snapshot.js';

export function registerSnapshotUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return definePropertyUnset(parent, factoryFor, {
    noun: 'snapshot',
    examples: ['ucinder volume snapshot unset --property purpose snap1', 'ucinder volume snapshot unset --property a --property b snap1'],
    find: findSnapshot,
    label: snapshotLabel,
    deleteKey: (session, snapshot, key) => deleteSnapshotMetadata(session, snapshot.id, key),
  });
}
